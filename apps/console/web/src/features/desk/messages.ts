import type { Messages } from '../../i18n';

export const deskMessages: Messages = {
  en: {},
  fr: {},
};
