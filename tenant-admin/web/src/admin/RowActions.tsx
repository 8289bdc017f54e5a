/**
 * A table row's Edit and Delete (or Remove) buttons, as every admin list shows them. `testId` is the row's prefix:
 * the buttons are `<testId>-edit-<id>` and `<testId>-delete-<id>`, which automation relies on.
 */
export function RowActions(props: {
  testId: string;
  id: string;
  /** What the row is called in the buttons' accessible names. */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Some row's delete is under way: every button waits. */
  busy: boolean;
  /** This row's delete is under way. */
  deleting: boolean;
  /** 'Remove' for things taken out rather than destroyed (a number, an agent role). */
  verb?: 'Delete' | 'Remove';
  /** The delete button's accessible name, when "<verb> <name>" is not right. */
  deleteLabel?: string;
}) {
  const verb = props.verb ?? 'Delete';
  return (
    <span className="button-row">
      <button
        type="button"
        className="button button--small"
        data-testid={`${props.testId}-edit-${props.id}`}
        onClick={props.onEdit}
        disabled={props.busy}
        aria-label={`Edit ${props.name}`}
      >
        Edit
      </button>
      <button
        type="button"
        className="button button--danger button--small"
        data-testid={`${props.testId}-delete-${props.id}`}
        onClick={props.onDelete}
        disabled={props.busy}
        aria-label={props.deleteLabel ?? `${verb} ${props.name}`}
      >
        {props.deleting ? `${verb === 'Delete' ? 'Deleting' : 'Removing'}…` : verb}
      </button>
    </span>
  );
}
