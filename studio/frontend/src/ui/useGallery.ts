// The gallery the pages draw components from: the one the settings name as default, else the first
// one the user got (the server lists the newest first), so importing a gallery does not change it.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { Gallery } from "../api/types";

export function defaultGalleryOf(galleries: Gallery[], defaultId: unknown): Gallery | undefined {
  return galleries.find((g) => g.id === defaultId) ?? galleries[galleries.length - 1];
}

export function useDefaultGallery(): { gallery: Gallery | undefined; error: string | null } {
  const [gallery, setGallery] = useState<Gallery>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.listGalleries(), api.getSettings()])
      .then(([galleries, settings]) => {
        if (live) setGallery(defaultGalleryOf(galleries, settings.config.ui?.default_gallery_id));
      })
      .catch((e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, []);
  return { gallery, error };
}
