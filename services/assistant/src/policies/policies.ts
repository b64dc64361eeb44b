/** The store policies the assistant quotes, per language (the same rules the orders and payment services apply). */
import type { Lang } from '../nlu/normalize.ts';

export type PolicyTopic = 'returns' | 'warranty' | 'privacy' | 'delivery' | 'payment' | 'general';

const POLICIES: Record<PolicyTopic, Record<Lang, string>> = {
  returns: {
    en: 'Returns: you can return most items within 14 days of delivery if they are unused and in their packaging; damaged or wrong items are taken back at our cost. Start a return from the order page or ask me. The refund goes to your card or your Sauda wallet after the item is inspected.',
    ru: 'Возврат: большинство товаров можно вернуть в течение 14 дней после доставки, если они не использовались и в упаковке; повреждённые или не те товары забираем за наш счёт. Оформите возврат на странице заказа или попросите меня. Деньги вернутся на карту или в кошелёк Sauda после проверки товара.',
    kk: 'Қайтару: көптеген тауарларды жеткізілгеннен кейін 14 күн ішінде, пайдаланылмаған және қаптамасында болса, қайтаруға болады; бүлінген немесе қате тауарларды өз есебімізден аламыз. Қайтаруды тапсырыс бетінде немесе менен сұрап бастаңыз. Тауар тексерілгеннен кейін ақша картаңызға немесе Sauda әмиянына қайтарылады.',
  },
  warranty: {
    en: "Warranty: electronics and appliances carry the manufacturer's warranty (usually 12 months); keep the order as your proof of purchase. For a fault, start a return or ask support.",
    ru: 'Гарантия: на электронику и технику действует гарантия производителя (обычно 12 месяцев); заказ служит подтверждением покупки. При неисправности оформите возврат или обратитесь в поддержку.',
    kk: 'Кепілдік: электроника мен техникаға өндірушінің кепілдігі беріледі (әдетте 12 ай); тапсырыс сатып алудың дәлелі болады. Ақау болса, қайтаруды бастаңыз немесе қолдау қызметіне жазыңыз.',
  },
  privacy: {
    en: 'Privacy: we keep your account, addresses and orders only to serve you; card numbers never reach us (the payment service keeps a token), and we do not sell your data. You can see and change your data in your account.',
    ru: 'Конфиденциальность: мы храним аккаунт, адреса и заказы только чтобы вас обслуживать; номера карт до нас не доходят (платёжный сервис хранит токен), и мы не продаём ваши данные. Посмотреть и изменить данные можно в личном кабинете.',
    kk: 'Құпиялылық: аккаунтыңызды, мекенжайларыңызды және тапсырыстарыңызды тек сізге қызмет көрсету үшін сақтаймыз; карта нөмірлері бізге жетпейді (төлем қызметі токен сақтайды), деректеріңізді сатпаймыз. Деректерді жеке кабинетте көріп, өзгертуге болады.',
  },
  delivery: {
    en: 'Delivery: our own couriers deliver across Kazakhstan — standard (2–5 days), express in Almaty, Astana and Shymkent (next day), or free pickup at our depots. Fees and dates for your address are shown at checkout.',
    ru: 'Доставка: собственные курьеры доставляют по всему Казахстану — стандартная (2–5 дней), экспресс в Алматы, Астане и Шымкенте (на следующий день) или бесплатный самовывоз со склада. Стоимость и даты для вашего адреса видны при оформлении.',
    kk: 'Жеткізу: өз курьерлеріміз бүкіл Қазақстан бойынша жеткізеді — стандартты (2–5 күн), Алматы, Астана және Шымкентте экспресс (келесі күні) немесе қоймадан тегін алып кету. Мекенжайыңызға арналған баға мен күндер тапсырыс беру кезінде көрсетіледі.',
  },
  payment: {
    en: 'Payment: bank cards (Visa, Mastercard) — new or saved, your Sauda wallet balance, or cash on delivery. Cards are charged when the parcel leaves the warehouse; a cancelled order is refunded in full.',
    ru: 'Оплата: банковские карты (Visa, Mastercard) — новые или сохранённые, баланс кошелька Sauda или наличными при получении. С карты деньги списываются, когда посылка покидает склад; за отменённый заказ возвращаем всё.',
    kk: 'Төлем: банк карталары (Visa, Mastercard) — жаңа немесе сақталған, Sauda әмиянының балансы немесе алған кезде қолма-қол. Картадан ақша сәлемдеме қоймадан шыққанда алынады; болдырылмаған тапсырыстың ақшасы толық қайтарылады.',
  },
  general: {
    en: 'Sauda is a marketplace: sellers list products, we store, pack and deliver them. Ask me about returns, warranty, delivery, payment or privacy.',
    ru: 'Sauda — маркетплейс: продавцы выставляют товары, а мы храним, упаковываем и доставляем их. Спросите меня о возврате, гарантии, доставке, оплате или конфиденциальности.',
    kk: 'Sauda — маркетплейс: сатушылар тауар қояды, ал біз оларды сақтаймыз, қаптаймыз және жеткіземіз. Маған қайтару, кепілдік, жеткізу, төлем немесе құпиялылық туралы сұрақ қойыңыз.',
  },
};

const TOPIC_WORDS: Array<[PolicyTopic, RegExp]> = [
  ['warranty', /warrant|guarant|гарант|кепілд/],
  ['privacy', /privacy|data|конфиденц|данны|деректер|құпия/],
  ['returns', /return|refund|exchange|возврат|вернут|обмен|қайтар/],
  ['delivery', /deliver|shipping|доставк|жеткіз/],
  ['payment', /pay|card|оплат|карт|төле/],
];

/** The policy a question is about. */
export function policyTopic(folded: string): PolicyTopic {
  return TOPIC_WORDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'general';
}

/** A policy's text in a language. */
export const policyText = (topic: PolicyTopic, lang: Lang): string => POLICIES[topic][lang];
