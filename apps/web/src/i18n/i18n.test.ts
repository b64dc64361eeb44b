import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources, type Language } from './languages.ts';

type Messages = { [key: string]: string | Messages };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [nested, text] of flatten(value, path)) out.set(nested, text);
  }
  return out;
}

/** Every namespace's messages, keys prefixed by their namespace: `translation:nav.catalog`, `seller:products.title`. */
function messagesOf(language: Language): Map<string, string> {
  const out = new Map<string, string>();
  for (const [namespace, messages] of Object.entries(resources[language] as Record<string, Messages>)) {
    for (const [key, text] of flatten(messages)) out.set(`${namespace}:${key}`, text);
  }
  return out;
}

/** Keys without plural suffixes: "catalog.count_few" and "catalog.count_one" are both "catalog.count". */
function baseKeys(messages: Map<string, string>): Set<string> {
  return new Set([...messages.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const reference = messagesOf('en');

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s messages', (language) => {
  const messages = messagesOf(language);

  it('have every key English has, and no key English lacks', () => {
    const expected = [...baseKeys(reference)].sort();
    const actual = [...baseKeys(messages)].sort();
    expect(actual.filter((key) => !expected.includes(key))).toEqual([]);
    expect(expected.filter((key) => !actual.includes(key))).toEqual([]);
  });

  it('use the same {{placeholders}} as English in every message', () => {
    for (const [key, text] of messages) {
      const english = reference.get(key) ?? reference.get(key.replace(PLURAL_SUFFIX, '_other'));
      expect({ key, vars: placeholders(text) }).toEqual({ key, vars: placeholders(english ?? '') });
    }
  });
});

describe.each(LANGUAGES)('the %s messages', (language) => {
  const messages = messagesOf(language);

  it('have no empty message', () => {
    expect([...messages].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('give every plural key each form the language needs', () => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const pluralKeys = [...reference.keys()].filter((key) => PLURAL_SUFFIX.test(key));
    for (const base of new Set(pluralKeys.map((key) => key.replace(PLURAL_SUFFIX, '')))) {
      const missing = needed.filter((form) => !messages.has(`${base}_${form}`));
      expect({ key: base, missing }).toEqual({ key: base, missing: [] });
    }
  });
});
