/** The customer mails of an order, in English, Russian and Kazakh. */

export type MailTemplate =
  | 'placed'
  | 'confirmed'
  | 'payment_action'
  | 'failed'
  | 'shipped'
  | 'delivered'
  | 'cancelled'
  | 'lines_cancelled'
  | 'out_for_delivery'
  | 'return_approved'
  | 'return_rejected'
  | 'return_received'
  | 'return_refused'
  | 'refunded';

export interface MailFacts {
  name: string;
  number: string;
  link: string;
  tracking?: string | undefined;
  amount?: string | undefined;
}

type Texts = Record<MailTemplate, (f: MailFacts) => { subject: string; body: string }>;

const en: Texts = {
  placed: (f) => ({
    subject: `Order ${f.number} received`,
    body: `Hello ${f.name},\n\nWe received your order ${f.number} and are reserving your items.\nFollow it here: ${f.link}`,
  }),
  confirmed: (f) => ({
    subject: `Order ${f.number} confirmed`,
    body: `Hello ${f.name},\n\nYour order ${f.number} is confirmed and paid. We will tell you when it ships.\n${f.link}`,
  }),
  payment_action: (f) => ({
    subject: `Confirm the payment for order ${f.number}`,
    body: `Hello ${f.name},\n\nYour bank asks you to confirm the payment for order ${f.number}. Open the order to continue:\n${f.link}`,
  }),
  failed: (f) => ({
    subject: `Order ${f.number} could not be completed`,
    body: `Hello ${f.name},\n\nWe could not complete your order ${f.number}; nothing was charged. Your items are back in your cart.\n${f.link}`,
  }),
  shipped: (f) => ({
    subject: `Order ${f.number} is on its way`,
    body: `Hello ${f.name},\n\nA parcel of your order ${f.number} has shipped. Tracking number: ${f.tracking ?? ''}\n${f.link}`,
  }),
  delivered: (f) => ({
    subject: `Order ${f.number} delivered`,
    body: `Hello ${f.name},\n\nYour order ${f.number} was delivered. Enjoy it!\n${f.link}`,
  }),
  cancelled: (f) => ({
    subject: `Order ${f.number} cancelled`,
    body: `Hello ${f.name},\n\nYour order ${f.number} was cancelled. Any payment is released or refunded.\n${f.link}`,
  }),
  lines_cancelled: (f) => ({
    subject: `Some items of order ${f.number} were cancelled`,
    body: `Hello ${f.name},\n\nSome items of your order ${f.number} were cancelled; the rest is on its way as planned. ${f.amount ?? ''} will not be charged or is refunded (a gift card gets its share back).\n${f.link}`,
  }),
  out_for_delivery: (f) => ({
    subject: `Order ${f.number} is out for delivery`,
    body: `Hello ${f.name},\n\nA courier is bringing a parcel of your order ${f.number} today. Tracking number: ${f.tracking ?? ''}\n${f.link}`,
  }),
  return_approved: (f) => ({
    subject: `Return for order ${f.number} approved`,
    body: `Hello ${f.name},\n\nYour return for order ${f.number} is approved. A courier will collect the parcel.\n${f.link}`,
  }),
  return_rejected: (f) => ({
    subject: `Return for order ${f.number} declined`,
    body: `Hello ${f.name},\n\nThe seller declined your return for order ${f.number}. The reason is on the order page.\n${f.link}`,
  }),
  return_received: (f) => ({
    subject: `We received your return for order ${f.number}`,
    body: `Hello ${f.name},\n\nYour return for order ${f.number} arrived and was inspected. The refund follows shortly.\n${f.link}`,
  }),
  return_refused: (f) => ({
    subject: `Return for order ${f.number} not refunded`,
    body: `Hello ${f.name},\n\nAfter inspection the items returned for order ${f.number} cannot be refunded. Contact support if you disagree.\n${f.link}`,
  }),
  refunded: (f) => ({
    subject: `Refund for order ${f.number}`,
    body: `Hello ${f.name},\n\nWe refunded ${f.amount ?? ''} for order ${f.number}.\n${f.link}`,
  }),
};

const ru: Texts = {
  placed: (f) => ({
    subject: `Заказ ${f.number} принят`,
    body: `Здравствуйте, ${f.name}!\n\nМы получили заказ ${f.number} и резервируем товары.\nСледите за ним здесь: ${f.link}`,
  }),
  confirmed: (f) => ({
    subject: `Заказ ${f.number} подтверждён`,
    body: `Здравствуйте, ${f.name}!\n\nЗаказ ${f.number} подтверждён и оплачен. Мы сообщим, когда он будет отправлен.\n${f.link}`,
  }),
  payment_action: (f) => ({
    subject: `Подтвердите оплату заказа ${f.number}`,
    body: `Здравствуйте, ${f.name}!\n\nБанк просит подтвердить оплату заказа ${f.number}. Откройте заказ, чтобы продолжить:\n${f.link}`,
  }),
  failed: (f) => ({
    subject: `Заказ ${f.number} не оформлен`,
    body: `Здравствуйте, ${f.name}!\n\nНе удалось оформить заказ ${f.number}; деньги не списаны. Товары снова в корзине.\n${f.link}`,
  }),
  shipped: (f) => ({
    subject: `Заказ ${f.number} в пути`,
    body: `Здравствуйте, ${f.name}!\n\nПосылка заказа ${f.number} отправлена. Трек-номер: ${f.tracking ?? ''}\n${f.link}`,
  }),
  delivered: (f) => ({
    subject: `Заказ ${f.number} доставлен`,
    body: `Здравствуйте, ${f.name}!\n\nЗаказ ${f.number} доставлен. Приятных покупок!\n${f.link}`,
  }),
  cancelled: (f) => ({
    subject: `Заказ ${f.number} отменён`,
    body: `Здравствуйте, ${f.name}!\n\nЗаказ ${f.number} отменён. Оплата разблокирована или возвращена.\n${f.link}`,
  }),
  lines_cancelled: (f) => ({
    subject: `Часть товаров заказа ${f.number} отменена`,
    body: `Здравствуйте, ${f.name}!\n\nЧасть товаров заказа ${f.number} отменена, остальное едет к вам как обычно. ${f.amount ?? ''} не будет списано или возвращено (доля подарочной карты — на карту).\n${f.link}`,
  }),
  out_for_delivery: (f) => ({
    subject: `Заказ ${f.number} передан курьеру`,
    body: `Здравствуйте, ${f.name}!\n\nКурьер сегодня привезёт посылку заказа ${f.number}. Трек-номер: ${f.tracking ?? ''}\n${f.link}`,
  }),
  return_approved: (f) => ({
    subject: `Возврат по заказу ${f.number} одобрен`,
    body: `Здравствуйте, ${f.name}!\n\nВозврат по заказу ${f.number} одобрен. Курьер заберёт посылку.\n${f.link}`,
  }),
  return_rejected: (f) => ({
    subject: `Возврат по заказу ${f.number} отклонён`,
    body: `Здравствуйте, ${f.name}!\n\nПродавец отклонил возврат по заказу ${f.number}. Причина указана на странице заказа.\n${f.link}`,
  }),
  return_received: (f) => ({
    subject: `Возврат по заказу ${f.number} получен`,
    body: `Здравствуйте, ${f.name}!\n\nВозврат по заказу ${f.number} получен и проверен. Деньги скоро вернутся.\n${f.link}`,
  }),
  return_refused: (f) => ({
    subject: `Возврат по заказу ${f.number} не возмещён`,
    body: `Здравствуйте, ${f.name}!\n\nПосле проверки товары, возвращённые по заказу ${f.number}, не подлежат возмещению. Если вы не согласны, напишите в поддержку.\n${f.link}`,
  }),
  refunded: (f) => ({
    subject: `Возврат денег по заказу ${f.number}`,
    body: `Здравствуйте, ${f.name}!\n\nМы вернули ${f.amount ?? ''} по заказу ${f.number}.\n${f.link}`,
  }),
};

const kk: Texts = {
  placed: (f) => ({
    subject: `${f.number} тапсырысы қабылданды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысыңызды алдық, тауарларды брондап жатырмыз.\nОны мына жерден қадағалаңыз: ${f.link}`,
  }),
  confirmed: (f) => ({
    subject: `${f.number} тапсырысы расталды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысы расталып, төленді. Жөнелтілгенде хабарлаймыз.\n${f.link}`,
  }),
  payment_action: (f) => ({
    subject: `${f.number} тапсырысының төлемін растаңыз`,
    body: `Сәлеметсіз бе, ${f.name}!\n\nБанк ${f.number} тапсырысының төлемін растауды сұрайды. Жалғастыру үшін тапсырысты ашыңыз:\n${f.link}`,
  }),
  failed: (f) => ({
    subject: `${f.number} тапсырысы рәсімделмеді`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысын рәсімдеу мүмкін болмады; ақша алынбады. Тауарлар қайтадан себетте.\n${f.link}`,
  }),
  shipped: (f) => ({
    subject: `${f.number} тапсырысы жолда`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысының сәлемдемесі жөнелтілді. Трек-нөмір: ${f.tracking ?? ''}\n${f.link}`,
  }),
  delivered: (f) => ({
    subject: `${f.number} тапсырысы жеткізілді`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысы жеткізілді. Сатып алуыңыз құтты болсын!\n${f.link}`,
  }),
  cancelled: (f) => ({
    subject: `${f.number} тапсырысы тоқтатылды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысы тоқтатылды. Төлем босатылды немесе қайтарылды.\n${f.link}`,
  }),
  lines_cancelled: (f) => ({
    subject: `${f.number} тапсырысының бір бөлігі тоқтатылды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысының кейбір тауарлары тоқтатылды, қалғаны жоспар бойынша жолда. ${f.amount ?? ''} алынбайды немесе қайтарылады (сыйлық картасының үлесі картаға қайтады).\n${f.link}`,
  }),
  out_for_delivery: (f) => ({
    subject: `${f.number} тапсырысы курьерге берілді`,
    body: `Сәлеметсіз бе, ${f.name}!\n\nКурьер бүгін ${f.number} тапсырысының сәлемдемесін әкеледі. Трек-нөмір: ${f.tracking ?? ''}\n${f.link}`,
  }),
  return_approved: (f) => ({
    subject: `${f.number} тапсырысы бойынша қайтару мақұлданды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысы бойынша қайтару мақұлданды. Курьер сәлемдемені алып кетеді.\n${f.link}`,
  }),
  return_rejected: (f) => ({
    subject: `${f.number} тапсырысы бойынша қайтару қабылданбады`,
    body: `Сәлеметсіз бе, ${f.name}!\n\nСатушы ${f.number} тапсырысы бойынша қайтаруды қабылдамады. Себебі тапсырыс бетінде көрсетілген.\n${f.link}`,
  }),
  return_received: (f) => ({
    subject: `${f.number} тапсырысы бойынша қайтарым алынды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысы бойынша қайтарым алынып, тексерілді. Ақша жақында қайтарылады.\n${f.link}`,
  }),
  return_refused: (f) => ({
    subject: `${f.number} тапсырысы бойынша қайтарым өтелмеді`,
    body: `Сәлеметсіз бе, ${f.name}!\n\nТексеруден кейін ${f.number} тапсырысы бойынша қайтарылған тауарлар өтелмейді. Келіспесеңіз, қолдау қызметіне жазыңыз.\n${f.link}`,
  }),
  refunded: (f) => ({
    subject: `${f.number} тапсырысы бойынша ақша қайтарылды`,
    body: `Сәлеметсіз бе, ${f.name}!\n\n${f.number} тапсырысы бойынша ${f.amount ?? ''} қайтардық.\n${f.link}`,
  }),
};

const TEXTS = { en, ru, kk } as const;

/** The mail of a template in a language. */
export function renderOrderMail(locale: 'en' | 'ru' | 'kk', template: MailTemplate, facts: MailFacts) {
  return TEXTS[locale][template](facts);
}
