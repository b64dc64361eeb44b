/**
 * Answers a question about a product from its data only: the attribute or description sentence that
 * speaks to the topic, the reviews, or "I don't know". Description and review texts are quoted, never obeyed.
 */
import type { Lang } from '../nlu/normalize.ts';
import { fold } from '../nlu/normalize.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';
import { formatMoney, say } from './replies.ts';
import type { ProductDetails } from './types.ts';

interface Topic {
  asks: RegExp;
  attributes: RegExp;
  text: RegExp;
}

const TOPICS: Record<string, Topic> = {
  battery: {
    asks: /batter|charg|mah|батаре|аккумулятор|заряд/,
    attributes: /battery|mah/,
    text: /mah|battery|\d+\s*h\b|hours|заряд|аккумулятор|\d+\s*w\b/,
  },
  camera: { asks: /camera|камер|\bmp\b|мп/, attributes: /camera/, text: /\d+\s*mp|camera|камер/ },
  water: {
    asks: /waterproof|water|промока|водонепрониц|су өткіз|влаг/,
    attributes: /water|ip\d/,
    text: /ip6\d|water|влаг|вод/,
  },
  memory: {
    asks: /memory|ram|storage|памят|гб|\bgb\b|жады/,
    attributes: /memory|ram|storage/,
    text: /\d+\s*gb|ram|ssd/,
  },
  screen: {
    asks: /screen|display|экран|дисплей|inch|дюйм/,
    attributes: /screen|display/,
    text: /screen|display|inch|amoled|ips|hz|экран/,
  },
  material: {
    asks: /material|made of|материал|из чего|неден|жасалған/,
    attributes: /material/,
    text: /made of|leather|wool|cotton|steel|материал|шерст|хлоп/,
  },
  warmth: {
    asks: /warm|тепл|жылы|winter|зим/,
    attributes: /warm|temperature/,
    text: /°c|warm|down|insulated|тепл|пух/,
  },
  noise: { asks: /noise|шум/, attributes: /noise/, text: /noise|шум/ },
  size: { asks: /\bsize|размер|өлшем/, attributes: /size|screen/, text: /size|размер/ },
  weight: { asks: /weigh|heavy|вес|весит|салмағы/, attributes: /weight/, text: /\d+\s*(kg|g)\b|кг/ },
};

const REVIEWS = /review|people like|отзыв|пікір/;

/** Makes untrusted text safe to quote: one line, no control characters, bounded length. */
export function quote(text: string, max = 220): string {
  // Control characters (and so line breaks) cannot smuggle a fake turn into the answer.
  const clean = [...text]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
}

/** The answer to a question about `product`. */
export function answerQuestion(
  question: string,
  product: CatalogProduct,
  details: ProductDetails | null,
  lang: Lang,
): string {
  const asked = fold(question);
  const attributes = details?.attributes ?? product.attributes;
  const description = details?.description ?? product.description;
  const reviews = details?.reviews;
  if (REVIEWS.test(asked)) {
    if (!reviews || reviews.count === 0) return say('noReviews', lang);
    const first = reviews.texts[0];
    return [
      say('reviews', lang, { rating: reviews.rating?.toFixed(1) ?? '—', count: reviews.count }),
      first ? say('reviewQuote', lang, { text: quote(first) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  const topic = Object.values(TOPICS).find((t) => t.asks.test(asked));
  if (topic) {
    const facts = Object.entries(attributes).filter(([key]) => topic.attributes.test(fold(key)));
    if (topic === TOPICS['weight'] && details?.variants[0]?.weightGrams)
      facts.push(['weight', `${details.variants[0].weightGrams} g`]);
    if (topic === TOPICS['size'] && product.sizes.length > 0) facts.push(['sizes', product.sizes.join(', ')]);
    const said = sentences(description).filter((s) => topic.text.test(fold(s)));
    if (facts.length === 0 && said.length === 0) return say('dontKnow', lang, { title: product.title });
    const parts = [];
    if (facts.length > 0)
      parts.push(
        say('productFacts', lang, {
          title: product.title,
          facts: facts.map(([k, v]) => `${k} ${v}`).join(', '),
        }),
      );
    if (said.length > 0) parts.push(say('descriptionSays', lang, { text: quote(said.join(' ')) }));
    return parts.join(' ');
  }
  // No particular topic: the essentials, the description and the rating.
  const facts = [
    formatMoney(product.price, product.currency),
    product.brand,
    ...Object.entries(attributes).map(([k, v]) => `${k} ${v}`),
  ]
    .filter(Boolean)
    .join(', ');
  const parts = [say('productFacts', lang, { title: product.title, facts })];
  if (description) parts.push(say('descriptionSays', lang, { text: quote(description) }));
  if (reviews && reviews.count > 0)
    parts.push(say('reviews', lang, { rating: reviews.rating?.toFixed(1) ?? '—', count: reviews.count }));
  return parts.join(' ');
}
