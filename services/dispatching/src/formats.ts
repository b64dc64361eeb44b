/**
 * The `date` string format (YYYY-MM-DD) for TypeBox checks: the contracts' dispatching and shipping events use
 * it and the kit registers only `uuid` and `date-time`. Registered only when absent, as the kit does.
 */
import { FormatRegistry } from '@sinclair/typebox';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

if (!FormatRegistry.Has('date'))
  FormatRegistry.Set('date', (value) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
