import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission; roles?: string[] };

/**
 * The navigation, filtered by the actor's permissions (and, where a permission is shared by roles
 * with different homes, by role). Pages check their permission again themselves.
 */
export const NAV_ITEMS: NavItem[] = [
  { href: "/portal", label: "Home", permission: "ticket.view_own", roles: ["client"] },
  { href: "/tickets", label: "My tickets", permission: "ticket.view_own", roles: ["client"] },
  { href: "/services", label: "Services", permission: "order.create", roles: ["client"] },
  { href: "/orders", label: "My orders", permission: "order.view_own", roles: ["client"] },
  { href: "/invoices", label: "My invoices", permission: "invoice.view_own", roles: ["client"] },
  { href: "/desk", label: "Desk", permission: "ticket.view_assigned", roles: ["agent", "agent_l2", "manager"] },
  { href: "/manage", label: "Dashboard", permission: "stats.view", roles: ["manager"] },
  { href: "/tickets", label: "All tickets", permission: "ticket.view_all", roles: ["manager"] },
  { href: "/manage/stats", label: "Statistics", permission: "stats.view", roles: ["manager"] },
  { href: "/manage/agents", label: "Agents", permission: "agent.manage", roles: ["manager"] },
  { href: "/accounting", label: "Invoices", permission: "invoice.view_all", roles: ["accountant"] },
  { href: "/admin", label: "Home", permission: "user.manage" },
  { href: "/admin/tickets", label: "Tickets", permission: "ticket.manage", roles: ["admin"] },
  { href: "/admin/services", label: "Services", permission: "service.manage", roles: ["admin"] },
  { href: "/admin/orders", label: "Orders", permission: "order.manage", roles: ["admin"] },
  { href: "/admin/invoices", label: "Invoices", permission: "invoice.manage", roles: ["admin"] },
  { href: "/admin/mailbox", label: "Mailbox", permission: "mail.view" },
  // Change requests (lib/change-requests): the requester's lists, and the approvers' queue.
  { href: "/changes", label: "Changes", permission: "ticket.create", roles: ["client", "agent", "agent_l2", "manager", "admin"] },
  { href: "/changes/approvals", label: "Approvals", permission: "ticket.approve" },
];

export function navFor(actor: { role: string; permissions: ReadonlySet<string> }): NavItem[] {
  const seen = new Set<string>();
  return NAV_ITEMS.filter((item) => {
    if (!actor.permissions.has(item.permission)) return false;
    if (item.roles && !item.roles.includes(actor.role)) return false;
    if (seen.has(item.href)) return false;
    seen.add(item.href);
    return true;
  });
}
