/** The text of each mail, in the recipient's language. */
import type { EventData, Locale, NotificationRequested } from '@sauda/contracts';

type Request = EventData<typeof NotificationRequested>;

/** A rendered mail. */
export interface Mail {
  subject: string;
  body: string;
}

type Texts = Record<Request['template'], (r: Request) => Mail>;

const en: Texts = {
  email_verification: (r) => ({
    subject: 'Confirm your email for Sauda',
    body: `Hello ${r.name},\n\nConfirm your email address by opening this link:\n${r.link ?? ''}\n\nThe link works once. If you did not sign up, ignore this mail.`,
  }),
  password_reset: (r) => ({
    subject: 'Reset your Sauda password',
    body: `Hello ${r.name},\n\nSet a new password by opening this link within an hour:\n${r.link ?? ''}\n\nIf you did not ask for it, ignore this mail: your password stays as it is.`,
  }),
  password_changed: (r) => ({
    subject: 'Your Sauda password was changed',
    body: `Hello ${r.name},\n\nYour password was just changed and your other sessions were signed out. If this was not you, reset your password now.`,
  }),
  seller_approved: (r) => ({
    subject: 'You are now a seller on Sauda',
    body: `Hello ${r.name},\n\nYour shop "${r.shopName ?? ''}" is approved. Open the seller panel to add your first products.`,
  }),
  seller_rejected: (r) => ({
    subject: 'Your seller application on Sauda',
    body: `Hello ${r.name},\n\nWe could not approve the shop "${r.shopName ?? ''}": ${r.reason ?? ''}\nYou may correct the application and apply again.`,
  }),
};

const ru: Texts = {
  email_verification: (r) => ({
    subject: 'Подтвердите email для Sauda',
    body: `Здравствуйте, ${r.name}!\n\nПодтвердите адрес, открыв ссылку:\n${r.link ?? ''}\n\nСсылка работает один раз. Если вы не регистрировались, просто проигнорируйте письмо.`,
  }),
  password_reset: (r) => ({
    subject: 'Сброс пароля Sauda',
    body: `Здравствуйте, ${r.name}!\n\nЗадайте новый пароль по ссылке в течение часа:\n${r.link ?? ''}\n\nЕсли вы не запрашивали сброс, проигнорируйте письмо: пароль не изменится.`,
  }),
  password_changed: (r) => ({
    subject: 'Пароль Sauda изменён',
    body: `Здравствуйте, ${r.name}!\n\nВаш пароль только что изменён, другие сеансы завершены. Если это были не вы, сбросьте пароль.`,
  }),
  seller_approved: (r) => ({
    subject: 'Вы стали продавцом на Sauda',
    body: `Здравствуйте, ${r.name}!\n\nМагазин «${r.shopName ?? ''}» одобрен. Откройте панель продавца, чтобы добавить товары.`,
  }),
  seller_rejected: (r) => ({
    subject: 'Ваша заявка продавца на Sauda',
    body: `Здравствуйте, ${r.name}!\n\nМы не смогли одобрить магазин «${r.shopName ?? ''}»: ${r.reason ?? ''}\nИсправьте заявку и подайте её снова.`,
  }),
};

const kk: Texts = {
  email_verification: (r) => ({
    subject: 'Sauda үшін email-ды растаңыз',
    body: `Сәлеметсіз бе, ${r.name}!\n\nМекенжайды мына сілтеме арқылы растаңыз:\n${r.link ?? ''}\n\nСілтеме бір рет жұмыс істейді. Тіркелмеген болсаңыз, хатты елемеңіз.`,
  }),
  password_reset: (r) => ({
    subject: 'Sauda құпиясөзін қалпына келтіру',
    body: `Сәлеметсіз бе, ${r.name}!\n\nЖаңа құпиясөзді бір сағат ішінде мына сілтеме арқылы орнатыңыз:\n${r.link ?? ''}\n\nСұрамаған болсаңыз, хатты елемеңіз.`,
  }),
  password_changed: (r) => ({
    subject: 'Sauda құпиясөзі өзгертілді',
    body: `Сәлеметсіз бе, ${r.name}!\n\nҚұпиясөзіңіз өзгертілді, басқа сеанстар аяқталды. Бұл сіз болмасаңыз, құпиясөзді қалпына келтіріңіз.`,
  }),
  seller_approved: (r) => ({
    subject: 'Сіз Sauda-да сатушысыз',
    body: `Сәлеметсіз бе, ${r.name}!\n\n«${r.shopName ?? ''}» дүкені мақұлданды. Тауар қосу үшін сатушы панелін ашыңыз.`,
  }),
  seller_rejected: (r) => ({
    subject: 'Sauda сатушы өтінімі',
    body: `Сәлеметсіз бе, ${r.name}!\n\n«${r.shopName ?? ''}» дүкенін мақұлдай алмадық: ${r.reason ?? ''}\nӨтінімді түзетіп, қайта жіберіңіз.`,
  }),
};

const TEXTS: Record<Locale, Texts> = { en, ru, kk };

/** The mail a notification request asks for, in its locale. */
export function renderMail(request: Request): Mail {
  return TEXTS[request.locale][request.template](request);
}
