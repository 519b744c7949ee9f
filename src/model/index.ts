// The vocabulary every part of Statecraft speaks.
export * from "./kinds.ts";
export * from "./relations.ts";
export * from "./types.ts";
export * from "./suggest.ts";
export * from "./text.ts";
export * from "./time.ts";
export * from "./readout.ts";
export * from "./api.ts";
