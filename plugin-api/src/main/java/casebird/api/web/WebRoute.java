package casebird.api.web;

import java.net.URI;

/** One route a host serves for a plugin; closing it stops serving it. */
public interface WebRoute extends AutoCloseable {

    /** The public URL at which callers outside the host reach this route. */
    URI url();

    /** Stops serving the route; requests in progress may finish. */
    @Override
    void close();
}
