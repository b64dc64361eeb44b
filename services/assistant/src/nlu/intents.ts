/** The documented intents of the assistant (the API's `intent` field is one of these), declared in contracts. */
import { ASSISTANT_INTENTS, type AssistantIntent } from '@sauda/contracts';

export const INTENTS = ASSISTANT_INTENTS;

export type Intent = AssistantIntent;

/** True for a known intent label. */
export const isIntent = (value: string): value is Intent => (INTENTS as readonly string[]).includes(value);
