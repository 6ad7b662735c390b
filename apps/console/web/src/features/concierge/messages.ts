import type { Messages } from '../../i18n';

export const conciergeMessages: Messages = {
  en: {},
  fr: {},
};
