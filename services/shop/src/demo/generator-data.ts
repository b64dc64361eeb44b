/**
 * Vocabulary of the generated demo catalog: extra categories, and per leaf category the nouns (en/ru),
 * brands, series, price range, what its variants differ by, and a few description phrases.
 */
import type { DemoCategory } from './catalog.ts';

const c = (
  n: number,
  slug: string,
  parent: string | null,
  en: string,
  ru: string,
  kk: string,
): DemoCategory => ({
  id: `01900000-0000-7000-8000-0000000c${n.toString(16).padStart(4, '0')}`,
  slug,
  parent,
  names: { en, ru, kk },
});

/** Categories added to the hand-written tree (24 in all). */
export const GENERATED_CATEGORIES: DemoCategory[] = [
  c(15, 'tablets', 'electronics', 'Tablets', 'Планшеты', 'Планшеттер'),
  c(16, 'furniture', 'home', 'Furniture', 'Мебель', 'Жиһаз'),
  c(17, 'accessories', 'clothing', 'Accessories', 'Аксессуары', 'Аксессуарлар'),
  c(18, 'beauty', null, 'Beauty', 'Красота', 'Сұлулық'),
  c(19, 'skincare', 'beauty', 'Skin care', 'Уход за кожей', 'Тері күтімі'),
  c(20, 'sports', null, 'Sports', 'Спорт', 'Спорт'),
  c(21, 'fitness', 'sports', 'Fitness', 'Фитнес', 'Фитнес'),
  c(22, 'books', null, 'Books', 'Книги', 'Кітаптар'),
  c(23, 'pets', null, 'Pets', 'Зоотовары', 'Үй жануарларына'),
  c(24, 'auto', null, 'Car goods', 'Автотовары', 'Автотауарлар'),
];

export type OptionKind = 'size' | 'shoe' | 'colour' | 'memory' | 'volume' | 'none';

export interface Vocabulary {
  slug: string;
  /** Category colour of the generated images. */
  hue: number;
  nouns: Array<[en: string, ru: string]>;
  brands: string[];
  series: string[];
  /** Price range in tenge. */
  price: [number, number];
  options: OptionKind;
  material: Array<[en: string, ru: string]>;
  feature: Array<[en: string, ru: string]>;
}

const v = (voc: Vocabulary): Vocabulary => voc;

export const VOCABULARY: Vocabulary[] = [
  v({
    slug: 'smartphones',
    hue: 210,
    nouns: [['Smartphone', 'Смартфон']],
    brands: ['Samsung', 'Xiaomi', 'Apple', 'Honor', 'Realme', 'Tecno', 'Poco'],
    series: ['Note', 'Pro', 'Lite', 'Max', 'Neo', 'Ultra'],
    price: [49_990, 699_990],
    options: 'memory',
    material: [
      ['glass and aluminium', 'стекло и алюминий'],
      ['plastic', 'пластик'],
    ],
    feature: [
      ['a bright AMOLED screen', 'яркий AMOLED-экран'],
      ['fast 67 W charging', 'быстрая зарядка 67 Вт'],
      ['a 108 MP camera', 'камера 108 Мп'],
    ],
  }),
  v({
    slug: 'laptops',
    hue: 230,
    nouns: [
      ['Laptop', 'Ноутбук'],
      ['Ultrabook', 'Ультрабук'],
    ],
    brands: ['Lenovo', 'Asus', 'HP', 'Acer', 'Apple', 'Huawei'],
    series: ['IdeaPad', 'VivoBook', 'Pavilion', 'Swift', 'MateBook', 'ThinkBook'],
    price: [189_990, 1_299_990],
    options: 'memory',
    material: [
      ['aluminium', 'алюминий'],
      ['plastic', 'пластик'],
    ],
    feature: [
      ['an IPS screen', 'IPS-экран'],
      ['a backlit keyboard', 'клавиатура с подсветкой'],
      ['all-day battery', 'аккумулятор на весь день'],
    ],
  }),
  v({
    slug: 'headphones',
    hue: 260,
    nouns: [
      ['Wireless headphones', 'Беспроводные наушники'],
      ['Earbuds', 'Наушники-вкладыши'],
    ],
    brands: ['Sony', 'JBL', 'Sennheiser', 'Xiaomi', 'Marshall', 'Huawei'],
    series: ['Tune', 'Buds', 'Wave', 'Studio', 'Major', 'Free'],
    price: [9_990, 189_990],
    options: 'colour',
    material: [['soft-touch plastic', 'софт-тач пластик']],
    feature: [
      ['active noise cancelling', 'активное шумоподавление'],
      ['30 hours of music', '30 часов музыки'],
      ['Bluetooth 5.3', 'Bluetooth 5.3'],
    ],
  }),
  v({
    slug: 'tablets',
    hue: 200,
    nouns: [['Tablet', 'Планшет']],
    brands: ['Samsung', 'Apple', 'Xiaomi', 'Lenovo', 'Huawei'],
    series: ['Tab', 'Pad', 'Air', 'Mini', 'Pro'],
    price: [69_990, 599_990],
    options: 'memory',
    material: [['aluminium', 'алюминий']],
    feature: [
      ['a 2K screen', '2K-экран'],
      ['stylus support', 'поддержка стилуса'],
      ['four speakers', 'четыре динамика'],
    ],
  }),
  v({
    slug: 'kitchen',
    hue: 20,
    nouns: [
      ['Frying pan', 'Сковорода'],
      ['Kettle', 'Чайник'],
      ['Blender', 'Блендер'],
      ['Knife set', 'Набор ножей'],
      ['Saucepan', 'Кастрюля'],
    ],
    brands: ['Tefal', 'Bosch', 'Philips', 'Redmond', 'Polaris', 'Rondell'],
    series: ['Classic', 'Expert', 'Home', 'Chef', 'Daily'],
    price: [4_990, 89_990],
    options: 'volume',
    material: [
      ['stainless steel', 'нержавеющая сталь'],
      ['cast iron', 'чугун'],
      ['ceramic', 'керамика'],
    ],
    feature: [
      ['a non-stick coating', 'антипригарное покрытие'],
      ['dishwasher safe', 'можно мыть в посудомоечной машине'],
      ['suits induction hobs', 'подходит для индукционных плит'],
    ],
  }),
  v({
    slug: 'textiles',
    hue: 330,
    nouns: [
      ['Bed linen set', 'Комплект постельного белья'],
      ['Blanket', 'Одеяло'],
      ['Towel', 'Полотенце'],
      ['Pillow', 'Подушка'],
    ],
    brands: ['Togas', 'Cleo', 'Arya', 'Kazakh Cotton', 'Mona Liza'],
    series: ['Dream', 'Soft', 'Comfort', 'Nomad', 'Steppe'],
    price: [3_990, 69_990],
    options: 'size',
    material: [
      ['cotton', 'хлопок'],
      ['sateen', 'сатин'],
      ['camel wool', 'верблюжья шерсть'],
    ],
    feature: [
      ['soft and breathable', 'мягкий и дышащий материал'],
      ['keeps its colour after washing', 'не линяет после стирки'],
    ],
  }),
  v({
    slug: 'furniture',
    hue: 35,
    nouns: [
      ['Chair', 'Стул'],
      ['Desk', 'Письменный стол'],
      ['Bookshelf', 'Книжный стеллаж'],
      ['Armchair', 'Кресло'],
    ],
    brands: ['IKEA', 'Hoff', 'Shatura', 'Mebelkz', 'Woodville'],
    series: ['Oslo', 'Loft', 'Nord', 'Ural', 'Alatau'],
    price: [14_990, 349_990],
    options: 'colour',
    material: [
      ['solid pine', 'массив сосны'],
      ['oak veneer', 'шпон дуба'],
      ['steel and wood', 'металл и дерево'],
    ],
    feature: [
      ['easy to assemble', 'простая сборка'],
      ['holds up to 120 kg', 'выдерживает до 120 кг'],
    ],
  }),
  v({
    slug: 'outerwear',
    hue: 190,
    nouns: [
      ['Down jacket', 'Пуховик'],
      ['Parka', 'Парка'],
      ['Softshell jacket', 'Куртка софтшелл'],
      ['Coat', 'Пальто'],
    ],
    brands: ['Columbia', 'The North Face', 'Outventure', 'Finn Flare', 'Baon'],
    series: ['Trail', 'Summit', 'Urban', 'Arctic', 'Steppe'],
    price: [24_990, 219_990],
    options: 'size',
    material: [
      ['goose down', 'гусиный пух'],
      ['wool blend', 'шерсть с примесью'],
      ['membrane fabric', 'мембранная ткань'],
    ],
    feature: [
      ['warm down to −30 °C', 'тепло до −30 °C'],
      ['wind and water resistant', 'защита от ветра и влаги'],
      ['a detachable hood', 'съёмный капюшон'],
    ],
  }),
  v({
    slug: 'shoes',
    hue: 15,
    nouns: [
      ['Sneakers', 'Кроссовки'],
      ['Winter boots', 'Зимние ботинки'],
      ['Loafers', 'Лоферы'],
      ['Running shoes', 'Беговые кроссовки'],
    ],
    brands: ['Nike', 'Adidas', 'Puma', 'Ecco', 'Salomon', 'New Balance'],
    series: ['Air', 'Run', 'Street', 'Trek', 'Classic'],
    price: [19_990, 149_990],
    options: 'shoe',
    material: [
      ['leather', 'натуральная кожа'],
      ['mesh', 'сетка'],
      ['suede', 'замша'],
    ],
    feature: [
      ['a cushioned sole', 'амортизирующая подошва'],
      ['a non-slip outsole', 'нескользящая подошва'],
    ],
  }),
  v({
    slug: 'accessories',
    hue: 300,
    nouns: [
      ['Backpack', 'Рюкзак'],
      ['Scarf', 'Шарф'],
      ['Belt', 'Ремень'],
      ['Wallet', 'Кошелёк'],
      ['Cap', 'Кепка'],
    ],
    brands: ['Samsonite', 'Xiaomi', 'Tommy Hilfiger', 'Levi’s', 'Aru Crafts'],
    series: ['City', 'Travel', 'Nomad', 'Classic', 'Daily'],
    price: [2_990, 79_990],
    options: 'colour',
    material: [
      ['leather', 'кожа'],
      ['felt', 'войлок'],
      ['nylon', 'нейлон'],
    ],
    feature: [
      ['handmade in Almaty', 'ручная работа, Алматы'],
      ['water-repellent', 'водоотталкивающая пропитка'],
    ],
  }),
  v({
    slug: 'tea-coffee',
    hue: 30,
    nouns: [
      ['Green tea', 'Зелёный чай'],
      ['Black tea', 'Чёрный чай'],
      ['Coffee beans', 'Кофе в зёрнах'],
      ['Ground coffee', 'Молотый кофе'],
    ],
    brands: ['Piala', 'Lipton', 'Jacobs', 'Lavazza', 'Ahmad Tea', 'Beta'],
    series: ['Gold', 'Classic', 'Premium', 'Breakfast', 'Crema'],
    price: [990, 19_990],
    options: 'volume',
    material: [
      ['loose leaf', 'листовой'],
      ['arabica', 'арабика'],
    ],
    feature: [
      ['a rich aroma', 'насыщенный аромат'],
      ['packed in Almaty', 'фасовка в Алматы'],
    ],
  }),
  v({
    slug: 'toys',
    hue: 50,
    nouns: [
      ['Building set', 'Конструктор'],
      ['Plush toy', 'Мягкая игрушка'],
      ['Board game', 'Настольная игра'],
      ['Remote control car', 'Машинка на радиоуправлении'],
    ],
    brands: ['Lego', 'Hasbro', 'Mattel', 'Huggy', 'Tayo'],
    series: ['City', 'Friends', 'Junior', 'Play', 'Classic'],
    price: [2_990, 89_990],
    options: 'none',
    material: [
      ['safe ABS plastic', 'безопасный ABS-пластик'],
      ['soft fleece', 'мягкий флис'],
    ],
    feature: [
      ['for ages 6 and up', 'для детей от 6 лет'],
      ['develops fine motor skills', 'развивает мелкую моторику'],
    ],
  }),
  v({
    slug: 'skincare',
    hue: 340,
    nouns: [
      ['Face cream', 'Крем для лица'],
      ['Cleansing gel', 'Гель для умывания'],
      ['Serum', 'Сыворотка'],
      ['Sunscreen', 'Солнцезащитный крем'],
    ],
    brands: ['La Roche-Posay', 'CeraVe', 'Nivea', 'Garnier', 'The Ordinary'],
    series: ['Hydra', 'Pure', 'Derma', 'Sensitive', 'Glow'],
    price: [2_490, 39_990],
    options: 'volume',
    material: [
      ['hyaluronic acid', 'гиалуроновая кислота'],
      ['niacinamide', 'ниацинамид'],
    ],
    feature: [
      ['for sensitive skin', 'для чувствительной кожи'],
      ['fragrance free', 'без отдушек'],
    ],
  }),
  v({
    slug: 'fitness',
    hue: 120,
    nouns: [
      ['Yoga mat', 'Коврик для йоги'],
      ['Dumbbell set', 'Набор гантелей'],
      ['Resistance bands', 'Фитнес-резинки'],
      ['Jump rope', 'Скакалка'],
    ],
    brands: ['Torneo', 'Demix', 'Adidas', 'Reebok', 'Starfit'],
    series: ['Core', 'Pro', 'Home', 'Flex', 'Power'],
    price: [1_990, 99_990],
    options: 'colour',
    material: [
      ['TPE', 'ТПЭ'],
      ['cast iron', 'чугун'],
      ['latex', 'латекс'],
    ],
    feature: [
      ['non-slip surface', 'нескользящая поверхность'],
      ['for home workouts', 'для домашних тренировок'],
    ],
  }),
  v({
    slug: 'books',
    hue: 0,
    nouns: [
      ['Novel', 'Роман'],
      ['Cookbook', 'Кулинарная книга'],
      ['Children’s book', 'Детская книга'],
      ['History of the Steppe', 'История степи'],
    ],
    brands: ['Foliant', 'Eksmo', 'AST', 'Mektep', 'Penguin'],
    series: ['Classic', 'Modern', 'Illustrated', 'Pocket', 'Gift'],
    price: [1_990, 24_990],
    options: 'none',
    material: [
      ['hardcover', 'твёрдый переплёт'],
      ['paperback', 'мягкая обложка'],
    ],
    feature: [
      ['illustrated', 'с иллюстрациями'],
      ['in Russian', 'на русском языке'],
    ],
  }),
  v({
    slug: 'pets',
    hue: 90,
    nouns: [
      ['Dry cat food', 'Сухой корм для кошек'],
      ['Dog food', 'Корм для собак'],
      ['Cat litter', 'Наполнитель для кошачьего туалета'],
      ['Pet bed', 'Лежанка'],
    ],
    brands: ['Royal Canin', 'Purina', 'Whiskas', 'Pedigree', 'Acana'],
    series: ['Adult', 'Junior', 'Sensitive', 'Indoor', 'Active'],
    price: [1_990, 59_990],
    options: 'volume',
    material: [
      ['chicken', 'курица'],
      ['salmon', 'лосось'],
    ],
    feature: [
      ['complete nutrition', 'полнорационный'],
      ['made in the EU', 'произведено в ЕС'],
    ],
  }),
  v({
    slug: 'auto',
    hue: 0,
    nouns: [
      ['Dash cam', 'Видеорегистратор'],
      ['Car phone holder', 'Автодержатель для телефона'],
      ['Winter tyre chain', 'Цепи противоскольжения'],
      ['Car vacuum cleaner', 'Автопылесос'],
    ],
    brands: ['Xiaomi 70mai', 'Baseus', 'Neoline', 'Bosch', 'Autoprofi'],
    series: ['Road', 'Drive', 'Pro', 'Mini', 'Plus'],
    price: [2_990, 99_990],
    options: 'none',
    material: [
      ['aluminium', 'алюминий'],
      ['plastic', 'пластик'],
    ],
    feature: [
      ['works from −20 °C', 'работает от −20 °C'],
      ['USB-C power', 'питание USB-C'],
    ],
  }),
];

/** Option values by kind, with the price step (tenge) each step up adds. */
export const OPTION_VALUES: Record<
  Exclude<OptionKind, 'none'>,
  { name: string; values: string[]; step: number }
> = {
  size: { name: 'size', values: ['S', 'M', 'L', 'XL'], step: 0 },
  shoe: { name: 'size', values: ['38', '39', '40', '41', '42', '43', '44'], step: 0 },
  colour: { name: 'colour', values: ['Black', 'White', 'Grey', 'Blue', 'Red', 'Green', 'Beige'], step: 0 },
  memory: { name: 'memory', values: ['128 GB', '256 GB', '512 GB'], step: 40_000 },
  volume: { name: 'volume', values: ['250 g', '500 g', '1 kg'], step: 1_500 },
};

/** Seller shop names of the 49 generated sellers (the demo seller is the 50th). */
export const SELLER_NAMES = [
  'Altyn Market',
  'Steppe Goods',
  'Nomad Store',
  'Almaty Tech',
  'Astana Home',
  'Qazaq Style',
  'Tulpar Sport',
  'Baiterek Books',
  'Shanyrak Decor',
  'Aru Crafts',
  'Kokzhal Outdoor',
  'Saryarka Shop',
  'Zhetysu Foods',
  'Medeu Mart',
  'Irbis Gear',
  'Aksai Kids',
  'Kemer Beauty',
  'Turan Trade',
  'Dala Living',
  'Orda Electronics',
  'Esil Pets',
  'Balkhash Auto',
  'Kaspi Corner',
  'Samal Fashion',
  'Ulytau Outfit',
  'Tengri Tea',
  'Kokshe Wood',
  'Ak Bulak',
  'Ile Textile',
  'Karatau Shoes',
  'Borovoe Sport',
  'Shymkent Bazaar',
  'Atyrau Goods',
  'Aktobe Store',
  'Taraz Books',
  'Pavlodar Home',
  'Oskemen Outdoor',
  'Kostanay Kids',
  'Semey Crafts',
  'Kyzylorda Market',
  'Turkistan Textiles',
  'Zhezkazgan Tools',
  'Ekibastuz Electro',
  'Baikonur Tech',
  'Charyn Outdoor',
  'Kolsai Living',
  'Burabay Beauty',
  'Aral Foods',
  'Altai Furniture',
];
