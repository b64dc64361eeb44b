/** The shipping service's error catalogue: CODE → HTTP status → title. The kit adds its own. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** No shipment has this tracking number (or the number is malformed: the same answer on purpose). */
export const ShipmentNotFound = errorType('SHIPMENT_NOT_FOUND', 404, 'No shipment has this tracking number');
/** The order has no shipments the caller may see (another customer's order looks the same as none). */
export const OrderShipmentsNotFound = errorType(
  'ORDER_SHIPMENTS_NOT_FOUND',
  404,
  'No shipments for this order',
);
/** The event would move the shipment somewhere its lifecycle does not allow from where it is now. */
export const TransitionNotAllowed = errorType(
  'TRANSITION_NOT_ALLOWED',
  409,
  'This event cannot change the shipment from its current status',
);
/** A scan at a site that is neither one of our sorting centres nor one of our depots. */
export const SiteNotFound = errorType('SITE_NOT_FOUND', 404, 'No such sorting centre or depot');
/** A carrier this service has no adapter for. */
export const CarrierNotFound = errorType('CARRIER_NOT_FOUND', 404, 'No such carrier');
/** A carrier webhook whose signature is missing, stale or wrong. */
export const WebhookSignatureInvalid = errorType(
  'WEBHOOK_SIGNATURE_INVALID',
  401,
  'The webhook signature is not valid',
);
/** A carrier webhook body that is not what the carrier's adapter expects. */
export const WebhookPayloadInvalid = errorType(
  'WEBHOOK_PAYLOAD_INVALID',
  400,
  'The webhook body is not valid',
);

export const shippingErrors: ErrorCatalogue = [
  ShipmentNotFound,
  OrderShipmentsNotFound,
  TransitionNotAllowed,
  SiteNotFound,
  CarrierNotFound,
  WebhookSignatureInvalid,
  WebhookPayloadInvalid,
];
