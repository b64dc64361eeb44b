/** Demo reviews and co-purchase counts on the demo catalog (product numbers as in `catalog.ts`). */

export interface DemoReview {
  product: number;
  author: number;
  name: string;
  rating: number;
  title: string;
  body: string;
  answer?: string;
}

const r = (
  product: number,
  author: number,
  name: string,
  rating: number,
  title: string,
  body: string,
  answer?: string,
): DemoReview => ({
  product,
  author,
  name,
  rating,
  title,
  body,
  ...(answer ? { answer } : {}),
});

export const DEMO_REVIEWS: DemoReview[] = [
  r(
    1,
    1,
    'Aigerim',
    5,
    'Great value',
    'Bright screen, the battery easily lasts two days.',
    'Thank you, Aigerim! Enjoy your Galaxy.',
  ),
  r(1, 2, 'Дмитрий', 4, 'Хороший телефон', 'Камера отличная днём, ночью средне. За свои деньги — отлично.'),
  r(2, 3, 'Arman', 5, 'Fast delivery', 'Arrived in Almaty the next day, sealed box, genuine.'),
  r(
    2,
    4,
    'Светлана',
    4,
    'Всё хорошо',
    'Телефон отличный, но зарядку пришлось покупать отдельно.',
    'Спасибо за отзыв! Зарядное устройство есть в нашем магазине.',
  ),
  r(3, 5, 'Nurlan', 4, 'Solid mid-range', 'The 200 MP camera is impressive, the software has some ads.'),
  r(5, 6, 'Madina', 5, 'Best phone I have had', 'The zoom is unreal. Expensive, but worth it.'),
  r(6, 7, 'Тимур', 5, 'Лёгкий и тихий', 'Работает весь день без зарядки, вентилятора нет — полная тишина.'),
  r(6, 8, 'Dana', 4, 'Almost perfect', 'Wish it had more than 8 GB of memory at this price.'),
  r(7, 9, 'Ерлан', 4, 'Для учёбы отлично', 'Быстрый, хороший экран. Корпус немного маркий.'),
  r(10, 10, 'Aliya', 5, 'Noise cancelling works', 'Took them on the Almaty–Astana train: silence.'),
  r(
    10,
    11,
    'Олег',
    3,
    'Неплохо',
    'Звук хороший, но одно ухо иногда отключается.',
    'Олег, напишите нам — заменим по гарантии.',
  ),
  r(11, 12, 'Saule', 5, 'Worth every tenge', 'Comfortable for hours, the best ANC I have tried.'),
  r(12, 13, 'Бауыржан', 4, 'Для своей цены — топ', 'Басы хорошие, держат почти 50 часов.'),
  r(14, 14, 'Gulnara', 5, 'Crispy baursaks without oil', 'Large basket, the whole family eats at once.'),
  r(16, 15, 'Әсел', 5, 'Как у бабушки', 'Закипает быстро, держит тепло. Красивый.'),
  r(18, 16, 'Marat', 5, 'Warm and light', 'Real camel wool, warm even at −30 outside.'),
  r(22, 17, 'Жанна', 5, 'На той — идеально', 'Вышивка очень аккуратная, размер подошёл.'),
  r(23, 18, 'Ruslan', 4, 'Comfortable', 'Runs a little small, take half a size up.'),
  r(26, 19, 'Айгүл', 5, 'Настоящий казахский чай', 'Крепкий, с молоком — то, что нужно.'),
  r(26, 20, 'Kairat', 4, 'Good black tea', 'Strong and fragrant, good value for 500 g.'),
  r(29, 21, 'Ирина', 4, 'Хорошая обжарка', 'Средняя обжарка, без горечи. Для эспрессо отлично.'),
  r(30, 22, 'Asel', 5, 'Real Almaty honey', 'Thick and fragrant, you can taste the apple blossom.'),
  r(31, 23, 'Sergey', 5, 'Kids love it', 'Two evenings of building; the details are great.'),
  r(33, 24, 'Ерболат', 5, 'Ұлттық ойын', 'Асықтар сапалы, балалар қуанып ойнайды.'),
];

/** [product, product, orders containing both]. */
export const DEMO_CO_PURCHASES: Array<[number, number, number]> = [
  [2, 10, 42],
  [1, 13, 25],
  [5, 11, 16],
  [6, 10, 18],
  [3, 12, 14],
  [7, 12, 6],
  [14, 16, 9],
  [26, 30, 30],
  [26, 27, 22],
  [27, 28, 15],
  [29, 26, 11],
  [18, 19, 10],
  [20, 24, 12],
  [31, 32, 8],
  [35, 36, 7],
];
