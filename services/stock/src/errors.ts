/** The stock service's error catalogue: CODE → HTTP status → title. The kit adds its own. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** A variant the caller does not own, or that stock has never heard of (indistinguishable on purpose). */
export const SkuNotFound = errorType('SKU_NOT_FOUND', 404, 'No such SKU among yours');
/** A depot id that does not exist (or is closed, where an open one is needed). */
export const DepotNotFound = errorType('DEPOT_NOT_FOUND', 404, 'No such depot');
/** A depot code that another depot already uses. */
export const DepotCodeTaken = errorType('DEPOT_CODE_TAKEN', 409, 'Another depot uses this code');
/** The warehouseman is not attached to any depot yet: an admin attaches them. */
export const NotDepotStaff = errorType('NOT_DEPOT_STAFF', 403, 'You are not attached to a depot');
/** The new on-hand quantity is below what is already reserved, committed or unavailable. */
export const StockBelowHeld = errorType(
  'STOCK_BELOW_HELD',
  409,
  'On hand cannot go below the units already reserved, sold or set aside',
);
/** A pick task that does not exist in the caller's depot. */
export const TaskNotFound = errorType('TASK_NOT_FOUND', 404, 'No such pick task in your depot');
/** A line that is not on this pick task. */
export const LineNotFound = errorType('LINE_NOT_FOUND', 404, 'No such line on this task');
/** The task is packed or cancelled: nothing more can be picked, reported or packed on it. */
export const TaskClosed = errorType('TASK_CLOSED', 409, 'This task is already finished');
/** The scanned barcode is not the SKU of the line being picked. */
export const SkuMismatch = errorType('SKU_MISMATCH', 422, 'The scanned item is not the one on this line');
/** More units than the line still needs (picking), or than were picked and not packed yet (packing). */
export const QuantityTooLarge = errorType('QUANTITY_TOO_LARGE', 409, 'More units than this line allows');
/** A shortage report whose found quantity is not below the line's quantity, or below what was picked. */
export const InvalidShortage = errorType(
  'INVALID_SHORTAGE',
  422,
  'The found quantity must be below the ordered and at least the picked quantity',
);
/** Nothing picked is waiting to be packed. */
export const NothingToPack = errorType('NOTHING_TO_PACK', 409, 'No picked units are waiting to be packed');
/** A parcel id or code that does not exist (in the caller's depot). */
export const ParcelNotFound = errorType('PARCEL_NOT_FOUND', 404, 'No such parcel');
/** A receipt that does not exist in the caller's depot. */
export const ReceiptNotFound = errorType('RECEIPT_NOT_FOUND', 404, 'No such receipt in your depot');
/** The receipt was already received. */
export const ReceiptAlreadyReceived = errorType('RECEIPT_ALREADY_RECEIVED', 409, 'Already received');
/** The parcel was already registered as returned. */
export const ReturnAlreadyRegistered = errorType(
  'RETURN_ALREADY_REGISTERED',
  409,
  'This parcel is already registered as returned',
);
/** A return that does not exist in the caller's depot. */
export const ReturnNotFound = errorType('RETURN_NOT_FOUND', 404, 'No such return in your depot');
/** The return was already inspected. */
export const ReturnAlreadyInspected = errorType('RETURN_ALREADY_INSPECTED', 409, 'Already inspected');
/** Restocked plus written-off units must account for every returned unit of every line. */
export const InspectionIncomplete = errorType(
  'INSPECTION_INCOMPLETE',
  422,
  'Every returned unit must be restocked or written off',
);

export const stockErrors: ErrorCatalogue = [
  SkuNotFound,
  DepotNotFound,
  DepotCodeTaken,
  NotDepotStaff,
  StockBelowHeld,
  TaskNotFound,
  LineNotFound,
  TaskClosed,
  SkuMismatch,
  QuantityTooLarge,
  InvalidShortage,
  NothingToPack,
  ParcelNotFound,
  ReceiptNotFound,
  ReceiptAlreadyReceived,
  ReturnAlreadyRegistered,
  ReturnNotFound,
  ReturnAlreadyInspected,
  InspectionIncomplete,
];
