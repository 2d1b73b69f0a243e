"""Regional cluster mapping in the platform: run the analytics, store result sets, serve them."""
