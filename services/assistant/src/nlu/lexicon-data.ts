/**
 * The shopping lexicon in three languages: category words, colours, sort wishes, refinements, ordinals
 * and brand spellings (product types are in lexicon-types.ts). The catalog adds its brands and names.
 */
export { PRODUCT_TYPES, type TypeEntry } from './lexicon-types.ts';

/** Category words that name a whole category rather than a product type. */
export const CATEGORY_WORDS: Record<string, { en: string[]; ru: string[]; kk: string[] }> = {
  electronics: {
    en: ['electronics', 'gadgets'],
    ru: ['электроника', 'гаджеты', 'техника'],
    kk: ['электроника', 'техника'],
  },
  kitchen: { en: ['kitchen', 'cookware'], ru: ['кухня', 'для кухни', 'посуда'], kk: ['ас үй', 'ыдыс'] },
  textiles: { en: ['home textiles', 'textiles'], ru: ['текстиль', 'домашний текстиль'], kk: ['тоқыма'] },
  clothing: { en: ['clothing', 'clothes'], ru: ['одежда'], kk: ['киім'] },
  outerwear: { en: ['outerwear', 'winter clothes'], ru: ['верхняя одежда'], kk: ['сырт киім'] },
  shoes: { en: ['shoes', 'footwear'], ru: ['обувь'], kk: ['аяқ киім'] },
  food: { en: ['food', 'groceries', 'snacks'], ru: ['продукты', 'еда'], kk: ['азық', 'тағам'] },
  'tea-coffee': { en: ['tea and coffee'], ru: ['чай и кофе'], kk: ['шай және кофе'] },
  kids: {
    en: ['kids', 'children', 'baby'],
    ru: ['детям', 'детские товары', 'для детей'],
    kk: ['балаларға', 'бала'],
  },
  toys: { en: ['toys'], ru: ['игрушки'], kk: ['ойыншықтар'] },
  furniture: { en: ['furniture'], ru: ['мебель'], kk: ['жиһаз'] },
  accessories: { en: ['accessories'], ru: ['аксессуары'], kk: ['аксессуарлар'] },
  skincare: {
    en: ['skin care', 'skincare', 'cosmetics'],
    ru: ['уход за кожей', 'косметика'],
    kk: ['тері күтімі', 'косметика'],
  },
  beauty: { en: ['beauty'], ru: ['красота'], kk: ['сұлулық'] },
  fitness: {
    en: ['fitness', 'gym', 'sports'],
    ru: ['фитнес', 'спорт', 'для спорта'],
    kk: ['фитнес', 'спорт'],
  },
  pets: { en: ['pets', 'pet supplies'], ru: ['зоотовары', 'для животных'], kk: ['үй жануарлары'] },
  auto: {
    en: ['car goods', 'car accessories', 'for the car'],
    ru: ['автотовары', 'для машины', 'для авто'],
    kk: ['автотауарлар', 'көлікке'],
  },
  books: { en: ['books'], ru: ['книги'], kk: ['кітаптар'] },
  home: { en: ['home goods'], ru: ['для дома', 'товары для дома'], kk: ['үйге'] },
};

/** Colours as catalog attributes spell them (lowercase), and how people say them. */
export const COLOURS: Record<string, string[]> = {
  black: [
    'black',
    'черный',
    'черная',
    'черные',
    'черного',
    'черном',
    'қара',
    'chernyy',
    'chernye',
    'chernyi',
  ],
  white: ['white', 'белый', 'белая', 'белые', 'белого', 'белом', 'ақ'],
  grey: ['grey', 'gray', 'серый', 'серая', 'серые', 'сұр', 'titanium grey'],
  blue: ['blue', 'синий', 'синяя', 'синие', 'голубой', 'голубая', 'голубые', 'көк'],
  red: ['red', 'красный', 'красная', 'красные', 'қызыл'],
  green: ['green', 'зеленый', 'зеленая', 'зеленые', 'жасыл'],
  beige: ['beige', 'бежевый', 'бежевая', 'бежевые', 'беж'],
  navy: ['navy', 'темно-синий', 'темно синий', 'қою көк'],
  purple: ['purple', 'фиолетовый', 'фиолетовая', 'күлгін'],
  yellow: ['yellow', 'желтый', 'желтая', 'желтые', 'сары'],
  burgundy: ['burgundy', 'бордовый', 'бордовая', 'қызыл күрең'],
  pink: ['pink', 'розовый', 'розовая', 'қызғылт'],
  brown: ['brown', 'коричневый', 'коричневая', 'қоңыр'],
};

/** Sort wishes. */
export const SORTS: Record<'price_asc' | 'price_desc' | 'rating' | 'popularity' | 'newest', string[]> = {
  price_asc: [
    'cheapest',
    'cheap',
    'budget',
    'inexpensive',
    'affordable',
    'lowest price',
    'самый дешевый',
    'самые дешевые',
    'дешевый',
    'дешевые',
    'недорогой',
    'недорогие',
    'недорогую',
    'недорого',
    'бюджетный',
    'бюджетные',
    'ең арзан',
    'арзан',
    'қымбат емес',
  ],
  price_desc: [
    'most expensive',
    'premium',
    'expensive',
    'самый дорогой',
    'самые дорогие',
    'дорогой',
    'ең қымбат',
    'қымбат',
  ],
  rating: [
    'best rated',
    'top rated',
    'highest rated',
    'best',
    'с лучшим рейтингом',
    'лучший',
    'лучшие',
    'с хорошими отзывами',
    'рейтингі жоғары',
    'ең жақсы',
    'үздік',
  ],
  popularity: [
    'popular',
    'most popular',
    'bestseller',
    'bestsellers',
    'популярный',
    'популярные',
    'хиты',
    'хит продаж',
    'танымал',
    'ең танымал',
  ],
  newest: ['newest', 'latest', 'new arrivals', 'новинки', 'новый', 'новые', 'самые новые', 'жаңа', 'ең жаңа'],
};

/** Words of a follow-up that narrows the last results ("cheaper", "дешевле", "арзанырақ"). */
export const REFINE_CHEAPER = [
  'cheaper',
  'less expensive',
  'дешевле',
  'подешевле',
  'бюджетнее',
  'арзанырақ',
  'арзандау',
  'deshevle',
];
export const REFINE_PRICIER = ['more expensive', 'pricier', 'дороже', 'подороже', 'қымбатырақ', 'qimbatyraq'];
/** "only", "just": a slot that follows replaces the one in the dialogue state. */
export const ONLY_WORDS = ['only', 'just', 'только', 'лишь', 'тек', 'ғана'];

/** Ordinal references to shown products: "the second one", "второй", "екінші". */
export const ORDINALS: Record<number, string[]> = {
  1: ['first', '1st', 'первый', 'первая', 'первое', 'первую', 'бірінші', 'біріншісі'],
  2: ['second', '2nd', 'второй', 'вторая', 'второе', 'вторую', 'екінші', 'екіншісі'],
  3: ['third', '3rd', 'третий', 'третья', 'третье', 'третью', 'үшінші', 'үшіншісі'],
  4: ['fourth', '4th', 'четвертый', 'четвертая', 'четвертую', 'төртінші'],
  5: ['fifth', '5th', 'пятый', 'пятая', 'пятую', 'бесінші'],
  [-1]: ['last one', 'the last', 'последний', 'последнюю', 'последняя', 'соңғысы'],
};

/** How brands are written in Cyrillic (or misspelt); the catalog's own brand names are always known. */
export const BRAND_ALIASES: Record<string, string[]> = {
  samsung: ['самсунг', 'самсун', 'samsng'],
  apple: ['эппл', 'эпл', 'апл', 'эппле', 'apl'],
  xiaomi: ['сяоми', 'ксиаоми', 'шаоми', 'ксяоми', 'xiomi', 'redmi', 'редми'],
  poco: ['поко'],
  lenovo: ['леново'],
  asus: ['асус', 'азус'],
  hp: ['хп', 'эйчпи'],
  sony: ['сони'],
  jbl: ['джибиэль', 'жбл'],
  nike: ['найк', 'найки'],
  adidas: ['адидас'],
  puma: ['пума'],
  lego: ['лего'],
  tefal: ['тефаль', 'тефал'],
  bosch: ['бош'],
  philips: ['филипс'],
  huawei: ['хуавей', 'хуавэй'],
  honor: ['хонор'],
  realme: ['реалми'],
  lavazza: ['лавацца'],
  columbia: ['коламбия'],
  'the north face': ['норт фейс', 'north face', 'tnf'],
  ikea: ['икеа', 'икея'],
  'royal canin': ['роял канин'],
  marshall: ['маршал', 'маршалл'],
  acer: ['асер', 'эйсер'],
  polaris: ['поларис'],
  redmond: ['редмонд'],
  salomon: ['саломон'],
  'new balance': ['нью беланс', 'нью баланс', 'nb'],
  ecco: ['экко'],
};
