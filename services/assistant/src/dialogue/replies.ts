/** Everything the offline engine says, in English, Russian and Kazakh ({name} placeholders). */
import type { Lang } from '../nlu/normalize.ts';

const M = {
  greeting: {
    en: 'Hello! I am the Sauda assistant. Tell me what you are looking for, or ask about your order.',
    ru: 'Здравствуйте! Я ассистент Sauda. Скажите, что вы ищете, или спросите о своём заказе.',
    kk: 'Сәлеметсіз бе! Мен Sauda көмекшісімін. Не іздейтініңізді айтыңыз немесе тапсырысыңыз туралы сұраңыз.',
  },
  thanks: {
    en: 'You are welcome! Anything else?',
    ru: 'Пожалуйста! Чем ещё помочь?',
    kk: 'Оқасы жоқ! Тағы немен көмектесейін?',
  },
  other: {
    en: 'I can help with shopping on Sauda: finding products, comparing them, your orders, delivery and payment. I cannot help with that question.',
    ru: 'Я помогаю с покупками на Sauda: найти и сравнить товары, заказы, доставка и оплата. С этим вопросом я помочь не могу.',
    kk: 'Мен Sauda-дағы сатып алуға көмектесемін: тауар табу, салыстыру, тапсырыстар, жеткізу және төлем. Бұл сұраққа көмектесе алмаймын.',
  },
  found: {
    en: 'Here is what I found{filters}:',
    ru: 'Вот что я нашёл{filters}:',
    kk: 'Мынаны таптым{filters}:',
  },
  foundRelaxed: {
    en: 'Nothing matched exactly, so I dropped {relaxed}. Closest options{filters}:',
    ru: 'Точных совпадений нет, поэтому я убрал условие «{relaxed}». Ближайшие варианты{filters}:',
    kk: 'Дәл сәйкес келетін жоқ, сондықтан «{relaxed}» шартын алып тастадым. Ең жақын нұсқалар{filters}:',
  },
  nothing: {
    en: 'I found nothing{filters}. Try other words or a higher price limit.',
    ru: 'Ничего не нашлось{filters}. Попробуйте другие слова или лимит цены побольше.',
    kk: 'Ештеңе табылмады{filters}. Басқа сөздермен немесе бағаның жоғарырақ шегімен көріңіз.',
  },
  askWhat: {
    en: 'What are you looking for? For example: "headphones under 20 000 tenge".',
    ru: 'Что вы ищете? Например: «наушники до 20 тысяч».',
    kk: 'Не іздейсіз? Мысалы: «20 мыңға дейін құлаққап».',
  },
  pickFirst: {
    en: 'Which product do you mean? Search first, then say "the second one".',
    ru: 'О каком товаре речь? Сначала найдите товары, потом скажите «второй».',
    kk: 'Қай тауар туралы? Алдымен іздеңіз, содан кейін «екіншісі» деңіз.',
  },
  dontKnow: {
    en: "I don't know: the product page of {title} does not say.",
    ru: 'Не знаю: на странице товара {title} об этом не сказано.',
    kk: 'Білмеймін: {title} тауарының бетінде бұл туралы айтылмаған.',
  },
  productFacts: {
    en: '{title}: {facts}.',
    ru: '{title}: {facts}.',
    kk: '{title}: {facts}.',
  },
  descriptionSays: {
    en: 'The seller\'s description says: "{text}"',
    ru: 'В описании продавца: «{text}»',
    kk: 'Сатушының сипаттамасында: «{text}»',
  },
  reviews: {
    en: 'Rated {rating} of 5 by {count} reviews.',
    ru: 'Оценка {rating} из 5 по {count} отзывам.',
    kk: '{count} пікір бойынша бағасы 5-тен {rating}.',
  },
  noReviews: {
    en: 'There are no reviews yet.',
    ru: 'Отзывов пока нет.',
    kk: 'Әзірге пікір жоқ.',
  },
  reviewQuote: {
    en: 'A customer wrote: "{text}"',
    ru: 'Покупатель пишет: «{text}»',
    kk: 'Сатып алушы жазды: «{text}»',
  },
  compareIntro: {
    en: 'Side by side:',
    ru: 'Сравнение:',
    kk: 'Салыстыру:',
  },
  compareNeedTwo: {
    en: 'Tell me which two to compare, for example "the first and the second".',
    ru: 'Скажите, какие два сравнить, например «первый и второй».',
    kk: 'Қай екеуін салыстыру керек екенін айтыңыз, мысалы «бірінші мен екінші».',
  },
  cheaperOf: {
    en: '{title} is cheaper by {diff}.',
    ru: '{title} дешевле на {diff}.',
    kk: '{title} {diff} арзанырақ.',
  },
  recommend: {
    en: 'You might like these:',
    ru: 'Вам может понравиться:',
    kk: 'Сізге ұнауы мүмкін:',
  },
  addConfirm: {
    en: 'Add {title} ({price}) × {quantity} to your cart? Confirm below.',
    ru: 'Добавить {title} ({price}) × {quantity} в корзину? Подтвердите ниже.',
    kk: '{title} ({price}) × {quantity} себетке қосайын ба? Төменде растаңыз.',
  },
  signIn: {
    en: 'Please sign in first: I can only look at your own orders.',
    ru: 'Сначала войдите в аккаунт: я могу смотреть только ваши собственные заказы.',
    kk: 'Алдымен аккаунтқа кіріңіз: мен тек өз тапсырыстарыңызды ғана көре аламын.',
  },
  noOrders: {
    en: 'You have no orders yet.',
    ru: 'У вас пока нет заказов.',
    kk: 'Сізде әзірге тапсырыс жоқ.',
  },
  orderNotFound: {
    en: 'I could not find order {ref} among your orders.',
    ru: 'Среди ваших заказов нет заказа {ref}.',
    kk: 'Сіздің тапсырыстарыңыздың ішінде {ref} тапсырысы жоқ.',
  },
  orderStatus: {
    en: 'Order {number} is {status}. Promised delivery: {date}.',
    ru: 'Заказ {number}: {status}. Обещанная дата доставки: {date}.',
    kk: '{number} тапсырысы: {status}. Уәде етілген жеткізу күні: {date}.',
  },
  tracking: {
    en: 'Parcel {tracking}: {status}{eta}.',
    ru: 'Посылка {tracking}: {status}{eta}.',
    kk: '{tracking} сәлемдемесі: {status}{eta}.',
  },
  etaWindow: {
    en: ', expected {from}–{to}',
    ru: ', ожидается {from}–{to}',
    kk: ', күтілетін уақыт {from}–{to}',
  },
  cancelConfirm: {
    en: 'Cancel order {number} ({total})? Any payment will be refunded. Confirm below.',
    ru: 'Отменить заказ {number} ({total})? Оплата вернётся. Подтвердите ниже.',
    kk: '{number} тапсырысын ({total}) болдырмайын ба? Төлем қайтарылады. Төменде растаңыз.',
  },
  cannotCancel: {
    en: 'Order {number} is {status} and can no longer be cancelled. You can start a return after delivery.',
    ru: 'Заказ {number} уже в статусе «{status}», его нельзя отменить. После доставки можно оформить возврат.',
    kk: '{number} тапсырысы «{status}» күйінде, оны енді болдырмау мүмкін емес. Жеткізілгеннен кейін қайтаруға болады.',
  },
  returnConfirm: {
    en: 'Start a return for {items} from order {number}? Confirm below.',
    ru: 'Оформить возврат: {items} из заказа {number}? Подтвердите ниже.',
    kk: '{number} тапсырысынан {items} қайтаруды бастайын ба? Төменде растаңыз.',
  },
  cannotReturn: {
    en: 'Nothing in order {number} can be returned now (returns open after delivery).',
    ru: 'В заказе {number} сейчас нечего вернуть (возврат возможен после доставки).',
    kk: '{number} тапсырысында қазір қайтаратын ештеңе жоқ (қайтару жеткізілгеннен кейін мүмкін).',
  },
  deliveryOptions: {
    en: 'Delivery to your address:',
    ru: 'Доставка по вашему адресу:',
    kk: 'Сіздің мекенжайыңызға жеткізу:',
  },
  paymentSaved: {
    en: 'Your saved cards: {cards}.',
    ru: 'Ваши сохранённые карты: {cards}.',
    kk: 'Сақталған карталарыңыз: {cards}.',
  },
  handoffConfirm: {
    en: 'I will pass this conversation to our support team; they will answer you by e-mail or in your account. Confirm below.',
    ru: 'Я передам этот разговор службе поддержки, вам ответят по почте или в личном кабинете. Подтвердите ниже.',
    kk: 'Бұл әңгімені қолдау қызметіне беремін, сізге поштамен немесе жеке кабинетте жауап береді. Төменде растаңыз.',
  },
  done: {
    en: 'Done.',
    ru: 'Готово.',
    kk: 'Дайын.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageId = keyof typeof M;

/** A message in the language, with its placeholders filled. */
export function say(id: MessageId, lang: Lang, values: Record<string, string | number> = {}): string {
  return M[id][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

const STATUS: Record<string, Record<Lang, string>> = {
  pending: { en: 'being placed', ru: 'оформляется', kk: 'рәсімделуде' },
  awaiting_payment: { en: 'waiting for payment', ru: 'ждёт оплаты', kk: 'төлемді күтуде' },
  requires_action: {
    en: 'waiting for your payment confirmation',
    ru: 'ждёт подтверждения оплаты',
    kk: 'төлемді растауды күтуде',
  },
  confirmed: { en: 'confirmed', ru: 'подтверждён', kk: 'расталды' },
  packed: { en: 'packed', ru: 'упакован', kk: 'қапталды' },
  shipped: { en: 'on its way', ru: 'в пути', kk: 'жолда' },
  in_transit: { en: 'on its way', ru: 'в пути', kk: 'жолда' },
  out_for_delivery: { en: 'out for delivery today', ru: 'курьер везёт сегодня', kk: 'бүгін курьер әкеледі' },
  delivered: { en: 'delivered', ru: 'доставлен', kk: 'жеткізілді' },
  cancelled: { en: 'cancelled', ru: 'отменён', kk: 'болдырылмады' },
  failed: { en: 'failed', ru: 'не удался', kk: 'сәтсіз аяқталды' },
  created: { en: 'registered', ru: 'зарегистрирована', kk: 'тіркелді' },
  at_sorting_centre: {
    en: 'at the sorting centre',
    ru: 'в сортировочном центре',
    kk: 'сұрыптау орталығында',
  },
  delivery_failed: {
    en: 'a delivery attempt failed',
    ru: 'попытка доставки не удалась',
    kk: 'жеткізу әрекеті сәтсіз болды',
  },
  returned: { en: 'returned to the sender', ru: 'возвращена отправителю', kk: 'жіберушіге қайтарылды' },
};

/** A status in words (the code itself when unknown). */
export function statusWord(status: string, lang: Lang): string {
  return STATUS[status]?.[lang] ?? status.replaceAll('_', ' ');
}

/** Minor units as people read tenge: "189 990 ₸". */
export function formatMoney(amount: number, currency = 'KZT'): string {
  const major = Math.round(amount / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return currency === 'KZT' ? `${major}\u00a0₸` : `${major}\u00a0${currency}`;
}
