export * from "./auth";
export * from "./org";
export * from "./billing";
export * from "./tickets";
export * from "./mail";
export * from "./stats";
export * from "./audit";
