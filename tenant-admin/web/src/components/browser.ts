/** What the app asks of the browser beyond rendering; a seam for tests. */
export const browser = {
  /** Sends the browser to another site (Stripe's payment pages). */
  assign(url: string): void {
    window.location.assign(url);
  },

  /** Saves `url` (e.g. an object URL of a fetched Blob) as a file named `filename`. */
  download(url: string, filename: string): void {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    try {
      link.click();
    } finally {
      link.remove();
    }
  },
};
