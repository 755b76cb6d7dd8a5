import "server-only";

/**
 * The read side of the help desk, for pages: every function takes the actor and applies
 * ticketVisibility in its WHERE clause; nothing selects a password hash or a whole user row.
 * (The header bell's unread count/list/mark-read live in lib/notifications.)
 */
export { listTickets, countTickets, type TicketListItem, type TicketPage } from "./list";
export { formatCount, type BoundedCount } from "./bounded-count";
export { getTicketDetail, listAssignableAgents, type TicketDetail } from "./detail";
export { getDeskStats, type DeskStats, type AgentStats, type Percentiles } from "./stats";
