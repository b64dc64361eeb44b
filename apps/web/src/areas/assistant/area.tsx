import { defineArea } from '../area.ts';
import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

/** The shopping assistant: no pages of its own, a chat panel the layout shows on storefront pages. */
export const assistantArea = defineArea({
  name: 'assistant',
  routes: [],
  messages: { en, ru, kk },
});
