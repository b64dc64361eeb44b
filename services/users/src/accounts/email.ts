/** Email addresses are compared and stored in lower case: one account per address whatever its case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
