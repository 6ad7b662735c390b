import type { Messages } from '../../i18n';

export const managerMessages: Messages = {
  en: {},
  fr: {},
};
