/** The dispatching service's error catalogue: CODE → HTTP status → title. The kit adds its own. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** A sorting centre id that does not exist. */
export const CentreNotFound = errorType('CENTRE_NOT_FOUND', 404, 'No such sorting centre');
/** A sorting centre code that another centre already uses. */
export const CentreCodeTaken = errorType('CENTRE_CODE_TAKEN', 409, 'Another sorting centre uses this code');
/** A vehicle id that does not exist. */
export const VehicleNotFound = errorType('VEHICLE_NOT_FOUND', 404, 'No such vehicle');
/** A plate another vehicle already carries. */
export const PlateTaken = errorType('PLATE_TAKEN', 409, 'Another vehicle has this plate');
/** The vehicle is already assigned to another driver. */
export const VehicleTaken = errorType('VEHICLE_TAKEN', 409, 'This vehicle is assigned to another driver');
/** No driver with this id (an account without the driver role is not a driver). */
export const DriverNotFound = errorType('DRIVER_NOT_FOUND', 404, 'No such driver');
/** A round id that does not exist (or is not the caller's, for a driver). */
export const RoundNotFound = errorType('ROUND_NOT_FOUND', 404, 'No such round');
/** A stop id that does not exist (or is not on the caller's round, for a driver). */
export const StopNotFound = errorType('STOP_NOT_FOUND', 404, 'No such stop');
/** The round's state does not allow this step (see the transitions table). */
export const RoundTransitionNotAllowed = errorType(
  'ROUND_TRANSITION_NOT_ALLOWED',
  409,
  "The round's state does not allow this",
);
/** The stop's state does not allow this step. */
export const StopStateConflict = errorType(
  'STOP_STATE_CONFLICT',
  409,
  "The stop's state does not allow this",
);
/** Only stops of rounds not yet published (or waiting ones) can be moved. */
export const RoundNotEditable = errorType(
  'ROUND_NOT_EDITABLE',
  409,
  'Only planned rounds can be edited; re-optimise or cancel published ones',
);
/** Proof of delivery needs a signature, a photo or the PIN code. */
export const ProofMissing = errorType('PROOF_MISSING', 422, 'Add a signature, a photo or the PIN code');
/** The PIN code does not match the one the customer was given. */
export const WrongPin = errorType('WRONG_PIN', 422, 'The PIN code is not right');
/** Cash on delivery must be collected in full before the parcel is handed over. */
export const CashMismatch = errorType(
  'CASH_MISMATCH',
  422,
  'Collect the exact cash-on-delivery amount before handing over',
);
/** The optimiser found no driver on duty with a vehicle at this centre. */
export const NoFleet = errorType('NO_FLEET', 409, 'No driver on duty with a vehicle at this centre');
/** A proof file that does not exist. */
export const ProofNotFound = errorType('PROOF_NOT_FOUND', 404, 'No such proof file');
/** The routing engine did not answer. */
export const RoutingUnavailable = errorType('ROUTING_UNAVAILABLE', 503, 'The routing engine is unavailable');

export const dispatchingErrors: ErrorCatalogue = [
  CentreNotFound,
  CentreCodeTaken,
  VehicleNotFound,
  PlateTaken,
  VehicleTaken,
  DriverNotFound,
  RoundNotFound,
  StopNotFound,
  RoundTransitionNotAllowed,
  StopStateConflict,
  RoundNotEditable,
  ProofMissing,
  WrongPin,
  CashMismatch,
  NoFleet,
  ProofNotFound,
  RoutingUnavailable,
];
