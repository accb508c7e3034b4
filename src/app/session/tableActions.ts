/**
 * What the actions that read and bind tables share: the session, the binding and table
 * actions they call, and the state they read.
 */
import type { BindingActions } from "./bindings";
import type { SessionContext } from "./store";
import type { TableActions } from "./tables";

export abstract class ActionsOnTables {
  constructor(
    protected readonly ctx: SessionContext,
    protected readonly bindings: BindingActions,
    protected readonly tables: TableActions
  ) {}

  protected get state() {
    return this.ctx.store.get();
  }
}
