/** Sends the browser to another site (Stripe's payment pages); a seam for tests. */
export const browser = {
  assign(url: string): void {
    window.location.assign(url);
  },
};
