import { describe, expect, it } from 'vitest';
import { renderOrderMail, type MailTemplate } from './mail-texts.ts';

const TEMPLATES: MailTemplate[] = [
  'placed',
  'confirmed',
  'payment_action',
  'failed',
  'shipped',
  'out_for_delivery',
  'delivered',
  'cancelled',
  'lines_cancelled',
  'return_approved',
  'return_rejected',
  'return_received',
  'return_refused',
  'refunded',
];
const facts = {
  name: 'Aigerim',
  number: 'SD-7K3Q-91XM',
  link: '/orders/x',
  tracking: 'SD123456785KZ',
  amount: '1500.00 KZT',
};

describe('order mail texts', () => {
  it.each(TEMPLATES)('writes %s in English, Russian and Kazakh, each naming the order', (template) => {
    const texts = (['en', 'ru', 'kk'] as const).map((locale) => renderOrderMail(locale, template, facts));
    for (const text of texts) {
      expect(text.subject).toContain(facts.number);
      expect(text.body).toContain(facts.number);
      expect(text.body).toContain(facts.link);
    }
    expect(new Set(texts.map((t) => t.subject)).size).toBe(3);
    expect(texts[1]?.subject).toMatch(/[а-яё]/i);
    expect(texts[2]?.subject).toMatch(/[а-яёәіңғүұқөһ]/i);
  });

  it('puts the money and the tracking number where the step has them', () => {
    for (const locale of ['en', 'ru', 'kk'] as const) {
      expect(renderOrderMail(locale, 'refunded', facts).body).toContain(facts.amount);
      expect(renderOrderMail(locale, 'lines_cancelled', facts).body).toContain(facts.amount);
      expect(renderOrderMail(locale, 'out_for_delivery', facts).body).toContain(facts.tracking);
    }
  });
});
