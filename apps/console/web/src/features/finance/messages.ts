import type { Messages } from '../../i18n';

export const financeMessages: Messages = {
  en: {},
  fr: {},
};
