import { send } from '../../api/http.ts';
import { startSession } from '../../api/session.ts';
import type { AuthAnswer, User } from '../../api/types.ts';

/** The password step's answer for an account with two-factor on. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
  challengeToken: string;
}

/** Signs in with the password; answers the user, or a challenge when a two-factor code is needed next. */
export async function signIn(email: string, password: string): Promise<User | TwoFactorChallenge> {
  const answer = await send<AuthAnswer | TwoFactorChallenge>('/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  if ('twoFactorRequired' in answer) return answer;
  startSession(answer);
  return answer.user;
}

/** The second step: the challenge plus a code from the app or a recovery code; starts the session. */
export async function completeTwoFactor(
  challengeToken: string,
  proof: { code: string } | { recoveryCode: string },
): Promise<User> {
  const answer = await send<AuthAnswer>('/auth/login/two-factor', {
    method: 'POST',
    body: { challengeToken, ...proof },
  });
  startSession(answer);
  return answer.user;
}
