package io.callisto.platform.http;

import java.util.List;

/**
 * A group of public API endpoints contributed to the platform server (by the platform itself or by a
 * module above it, such as tenant-admin or billing), with the OpenAPI fragment that documents them.
 */
public interface ApiService {
    List<Endpoint> endpoints();

    /** Classpath resource of an OpenAPI 3.1 YAML document holding this service's paths (and schemas). */
    String openApiFragment();
}
