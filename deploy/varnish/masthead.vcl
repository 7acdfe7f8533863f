vcl 4.1;

# Masthead's cache front. `npm run front` fills in the backend and the purge ACL and starts
# varnishd with this file. Public pages are cached by URL with surrogate keys (the `xkey` header
# the server puts on them); the app purges keys with `PURGE` and an `xkey-purge` header whenever
# something readers see changes, naming the shared secret in X-Purge-Secret (an address alone is no
# proof: behind a TLS terminator on this host every client is 127.0.0.1). Anything personal, and
# anything the app marks private or no-store, is passed straight through.

import std;
import xkey;

backend origin {
    .host = "__BACKEND_HOST__";
    .port = "__BACKEND_PORT__";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/api/ready";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
__PURGERS__
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers || req.http.X-Purge-Secret != "__PURGE_SECRET__") {
            return (synth(403, "Not allowed to purge"));
        }
        unset req.http.X-Purge-Secret;
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in the xkey-purge header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    # The app's own internal routes are not for the outside world.
    if (req.url ~ "^/api/internal(/|\?|$)") {
        return (synth(404, "Not found"));
    }
    # Writing together (the newsroom's WebSocket, /api/collab): piped straight through, cookie
    # and all, for as long as the connection lasts.
    if (req.http.Upgrade ~ "(?i)websocket") {
        return (pipe);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, sign-in, previews, search and the desk API are personal or per query.
    if (req.url ~ "^/(newsroom|login|reset-password|preview|search)(/|\?|$)" ||
        req.url ~ "^/api/(desk|auth|csp-report|health|ready)(/|\?|$)" ||
        req.http.Authorization) {
        return (pass);
    }
    # Public pages are the same for everyone, a signed-in editor included.
    unset req.http.Cookie;
    # A client that does not take gzip (a monitor, a crawler, an old feed reader) gets a plain copy
    # kept beside the gzipped one, rather than the gzipped one unzipped again on every request.
    if (req.http.Accept-Encoding ~ "gzip") {
        unset req.http.X-Plain;
    } else {
        set req.http.X-Plain = "1";
    }
    # Serve a page a little stale while it is refetched; much staler only while the origin is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    if (req.http.X-Plain) {
        hash_data("plain");
    }
    # On to the built-in hash: the URL and the host.
}

sub vcl_backend_fetch {
    # The plain copy is asked for plain (Varnish would otherwise ask the origin for gzip).
    if (bereq.http.X-Plain) {
        unset bereq.http.Accept-Encoding;
    }
}

sub vcl_backend_response {
    # And stored plain, even from an origin that sent gzip anyway.
    if (bereq.http.X-Plain && beresp.http.Content-Encoding ~ "gzip") {
        set beresp.do_gunzip = true;
    }
    # Only what the server marked with surrogate keys is cached: those are the pages a purge can reach.
    # Never what the app calls private or no-store, nor a missing build file (a chunk of a build
    # still starting, that no purge names), nor anything with a cookie.
    if (beresp.http.xkey && !beresp.http.Set-Cookie &&
        beresp.http.Cache-Control !~ "(?i)(private|no-store)" &&
        !(beresp.status == 404 && bereq.url ~ "^/_next/") &&
        (beresp.status == 200 || beresp.status == 301 || beresp.status == 404 || beresp.status == 410 || beresp.status == 451)) {
        set beresp.ttl = 1h;
        set beresp.grace = 24h;
        return (deliver);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 2m;
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

# A piped WebSocket keeps the client's Upgrade and Connection headers, which Varnish would
# otherwise drop on the way to the app.
sub vcl_pipe {
    if (req.http.Upgrade) {
        set bereq.http.Upgrade = req.http.Upgrade;
        set bereq.http.Connection = req.http.Connection;
    }
}
