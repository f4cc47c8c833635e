export { createHttpClient, type FetchStats, type HostPolicy, type HttpClient, type HttpClientOptions, type HttpLog, type RunFetcher } from "./client";
export { addressRange, assertPublicUrl, isPublicAddress, type AddressGuardOptions, type ResolveHost, type ResolvedAddress } from "./address-guard";
export { HttpStatusError } from "./errors";
export { type Clock, systemClock } from "./clock";
export { validatorMapSchema, type UrlValidators, type ValidatorMap } from "./validators";
