/** A refused call: the station's stable error code and its human message (already localised). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The code used when the station itself did not answer (it is local, so this is rare). */
export const STATION_UNREACHABLE = "STATION_UNREACHABLE";
