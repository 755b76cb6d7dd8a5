/**
 * The permission vocabulary (SPEC §1) and the default grants seeded into role_permissions.
 * At run time the database is the truth: an admin may change grants, and `can()` reads them.
 */
export const PERMISSIONS = {
  "ticket.create": "Open tickets and change requests",
  "ticket.view_own": "See tickets one requested",
  "ticket.view_queue": "See the first-line queue (open, not escalated)",
  "ticket.view_escalated": "See the second-line queue (escalated)",
  "ticket.view_all": "See every ticket",
  "ticket.view_assigned": "See tickets assigned to oneself",
  "ticket.comment": "Comment on tickets one can see",
  "ticket.view_internal": "See and write internal notes",
  "ticket.assign_self": "Take a ticket from a queue",
  "ticket.assign": "Assign or reassign a ticket to anyone",
  "ticket.escalate": "Escalate a ticket to second line",
  "ticket.close": "Close a ticket",
  "ticket.wont_fix": "Mark a ticket won't fix",
  "ticket.deassign_all": "De-assign every ticket in progress",
  "ticket.set_priority": "Set a ticket's priority",
  "ticket.approve": "Approve change requests",
  "ticket.reject": "Reject change requests",
  "ticket.deploy": "Deploy approved change requests",
  "ticket.complete": "Complete or roll back deployed change requests",
  "ticket.cancel": "Cancel a change request",
  "ticket.delete": "Delete tickets",
  "ticket.manage": "Edit any ticket field, create tickets for clients",
  "order.create": "Order services",
  "order.view_own": "See own orders",
  "order.manage": "Manage every order",
  "service.manage": "Manage the service catalogue",
  "invoice.view_own": "See own invoices",
  "invoice.view_all": "See every invoice",
  "invoice.set_status": "Mark invoices paid or unpaid",
  "invoice.manage": "Create, edit and void invoices",
  "user.manage": "Manage users",
  "agent.manage": "Create and edit agents",
  "stats.view": "See desk statistics",
  "org.manage": "Manage companies, projects, tasks and departments",
  "role.manage": "Edit roles and their permissions",
  "mail.view": "Read the built-in mailbox",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_KEYS = ["client", "agent", "agent_l2", "accountant", "manager", "admin"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

const agentCommon: Permission[] = [
  "ticket.create",
  "ticket.view_assigned",
  "ticket.comment",
  "ticket.view_internal",
  "ticket.assign_self",
  "ticket.close",
  "ticket.deploy",
  "ticket.complete",
];

export const DEFAULT_ROLES: Record<RoleKey, { name: string; description: string; permissions: Permission[] }> = {
  client: {
    name: "Client",
    description: "A customer: orders services, opens and follows own tickets",
    permissions: [
      "ticket.create",
      "ticket.view_own",
      "ticket.comment",
      "ticket.cancel",
      "order.create",
      "order.view_own",
      "invoice.view_own",
    ],
  },
  agent: {
    name: "Agent (first line)",
    description: "Works the open, non-escalated queue",
    permissions: [...agentCommon, "ticket.view_queue", "ticket.escalate"],
  },
  agent_l2: {
    name: "Agent (second line)",
    description: "Works escalated tickets",
    permissions: [...agentCommon, "ticket.view_escalated"],
  },
  accountant: {
    name: "Accountant",
    description: "Sees every invoice, marks them paid or unpaid, exports them",
    permissions: ["invoice.view_all", "invoice.set_status"],
  },
  manager: {
    name: "Manager",
    description: "Steers the desk: agents, reassignment, priorities, approvals, statistics",
    permissions: [
      ...agentCommon,
      "ticket.view_queue",
      "ticket.view_escalated",
      "ticket.view_all",
      "ticket.escalate",
      "ticket.assign",
      "ticket.wont_fix",
      "ticket.deassign_all",
      "ticket.set_priority",
      "ticket.approve",
      "ticket.reject",
      "ticket.cancel",
      "agent.manage",
      "stats.view",
    ],
  },
  admin: {
    name: "Administrator",
    description: "Everything",
    permissions: [...ALL_PERMISSIONS],
  },
};

/** Where each role lands after sign-in. */
export const ROLE_HOME: Record<string, string> = {
  client: "/portal",
  agent: "/desk",
  agent_l2: "/desk",
  accountant: "/accounting",
  manager: "/manage",
  admin: "/admin",
};

export function homeFor(roleKey: string): string {
  return ROLE_HOME[roleKey] ?? "/account";
}
