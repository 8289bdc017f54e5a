/** Asks before something that cannot be undone; a seam for tests. */
export const confirmer = {
  confirm(message: string): boolean {
    return window.confirm(message);
  },
};
