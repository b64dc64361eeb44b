/** The driver hands the parcel over (or collects the return) with proof, and cash when it is due. */
import { CashCollected, StopDelivered, type DeliverStop, type Stop } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { stopOf, type StopRow } from '../data/stops-repo.ts';
import type { DistanceProvider } from '../distances/distance-matrix.ts';
import { CashMismatch, ProofMissing, WrongPin } from '../errors.ts';
import { driverStop, stopFacts } from './driver-stop.ts';
import { finishStop } from './finish-stop.ts';

/** Where proof files are served from, through the gateway. */
export const PROOF_URL = '/api/dispatch/proofs/';

/** Delivers the stop; every check happens before anything is written. */
export async function deliverStop(
  tx: Tx,
  distances: DistanceProvider,
  driverId: string,
  stopId: string,
  proof: DeliverStop,
  now: Date,
): Promise<Stop> {
  const { stop, round } = await driverStop(tx, driverId, stopId, ['out', 'arrived']);
  const kind = proof.signature ? 'signature' : proof.photo ? 'photo' : proof.pin ? 'pin' : 'name';
  if (kind === 'name' && !proof.recipientName) throw new ProofMissing();
  if (proof.pin && proof.pin !== stop.pin) throw new WrongPin();
  const due =
    stop.cod_amount === null ? null : { amount: Number(stop.cod_amount), currency: stop.cod_currency };
  if (due && (proof.cashCollected?.amount !== due.amount || proof.cashCollected.currency !== due.currency))
    throw new CashMismatch(`collect ${due.amount} ${due.currency ?? ''} (minor units)`);
  const media: string[] = [];
  for (const [mediaKind, dataUrl] of [
    ['signature', proof.signature],
    ['photo', proof.photo],
  ] as const) {
    if (!dataUrl) continue;
    const id = uuidv7();
    const [, contentType = 'image/png', base64 = ''] = /^data:([^;]+);base64,(.*)$/s.exec(dataUrl) ?? [];
    await tx`
      insert into proof_media (id, stop_id, kind, content_type, bytes)
      values (${id}, ${stop.id}, ${mediaKind}, ${contentType}, ${Buffer.from(base64, 'base64')})`;
    media.push(`${PROOF_URL}${id}`);
  }
  const evidence = {
    kind,
    ...(proof.recipientName ? { recipientName: proof.recipientName } : {}),
    ...(media[0] ? { mediaUrl: media[0] } : {}),
    ...(proof.position ? { position: proof.position } : {}),
  } as const;
  const [row] = await tx<StopRow[]>`
    update stops set status = 'delivered', completed_at = ${now}, cash_collected = ${due?.amount ?? null},
      proof = ${JSON.stringify({ ...evidence, media })}::text::jsonb, updated_at = now()
    where id = ${stop.id} returning *, promised_date::text as promised_day`;
  await appendEvent(tx, StopDelivered, { ...stopFacts(stop, round, now), proof: evidence });
  if (due && proof.cashCollected)
    await appendEvent(tx, CashCollected, {
      ...stopFacts(stop, round, now),
      orderId: stop.order_id,
      amount: proof.cashCollected,
    });
  await finishStop(tx, distances, stop, round, now);
  return stopOf(row ?? stop);
}
