import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/test/factories";
import { ALL_PERMISSIONS, ROLE_KEYS, type Permission, type RoleKey } from "./permissions";

/**
 * The default permission matrix, written out by hand (not derived from DEFAULT_ROLES) so that a
 * change to the grants has to be made twice, on purpose. Read back from the seeded database.
 */
const Y = true;
const _ = false;
//                                 client agent  l2   acct  mgr  admin
const MATRIX: Record<Permission, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  "ticket.create": /*            */ [Y, Y, Y, _, Y, Y],
  "ticket.view_own": /*          */ [Y, _, _, _, _, Y],
  "ticket.view_queue": /*        */ [_, Y, _, _, Y, Y],
  "ticket.view_escalated": /*    */ [_, _, Y, _, Y, Y],
  "ticket.view_all": /*          */ [_, _, _, _, Y, Y],
  "ticket.view_assigned": /*     */ [_, Y, Y, _, Y, Y],
  "ticket.comment": /*           */ [Y, Y, Y, _, Y, Y],
  "ticket.view_internal": /*     */ [_, Y, Y, _, Y, Y],
  "ticket.assign_self": /*       */ [_, Y, Y, _, Y, Y],
  "ticket.assign": /*            */ [_, _, _, _, Y, Y],
  "ticket.escalate": /*          */ [_, Y, _, _, Y, Y],
  "ticket.close": /*             */ [_, Y, Y, _, Y, Y],
  "ticket.wont_fix": /*          */ [_, _, _, _, Y, Y],
  "ticket.deassign_all": /*      */ [_, _, _, _, Y, Y],
  "ticket.set_priority": /*      */ [_, _, _, _, Y, Y],
  "ticket.approve": /*           */ [_, _, _, _, Y, Y],
  "ticket.reject": /*            */ [_, _, _, _, Y, Y],
  "ticket.deploy": /*            */ [_, Y, Y, _, Y, Y],
  "ticket.complete": /*          */ [_, Y, Y, _, Y, Y],
  "ticket.cancel": /*            */ [Y, _, _, _, Y, Y],
  "ticket.delete": /*            */ [_, _, _, _, _, Y],
  "ticket.manage": /*            */ [_, _, _, _, _, Y],
  "order.create": /*             */ [Y, _, _, _, _, Y],
  "order.view_own": /*           */ [Y, _, _, _, _, Y],
  "order.manage": /*             */ [_, _, _, _, _, Y],
  "service.manage": /*           */ [_, _, _, _, _, Y],
  "invoice.view_own": /*         */ [Y, _, _, _, _, Y],
  "invoice.view_all": /*         */ [_, _, _, Y, _, Y],
  "invoice.set_status": /*       */ [_, _, _, Y, _, Y],
  "invoice.manage": /*           */ [_, _, _, _, _, Y],
  "user.manage": /*              */ [_, _, _, _, _, Y],
  "agent.manage": /*             */ [_, _, _, _, Y, Y],
  "stats.view": /*               */ [_, _, _, _, Y, Y],
  "org.manage": /*               */ [_, _, _, _, _, Y],
  "role.manage": /*              */ [_, _, _, _, _, Y],
  "mail.view": /*                */ [_, _, _, _, _, Y],
};

describe("default permission matrix", () => {
  it("covers every permission", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it.each(ROLE_KEYS.map((role, column) => [role, column] as [RoleKey, number]))("%s holds exactly its default grants", async (role, column) => {
    const actor = await createUser(role);
    const expected = ALL_PERMISSIONS.filter((p) => MATRIX[p][column]).sort();
    expect([...actor.permissions].sort()).toEqual(expected);
  });
});
