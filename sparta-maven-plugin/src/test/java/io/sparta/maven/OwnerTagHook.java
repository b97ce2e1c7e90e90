package io.sparta.maven;

import io.sparta.api.PreMarshallHook;
import io.sparta.api.ServiceModel;
import java.util.TreeMap;

/** A hook as a user would write one, for the configuration test. */
public class OwnerTagHook implements PreMarshallHook {

    String owner;

    @Override
    public ServiceModel preMarshall(ServiceModel service) {
        TreeMap<String, String> tags = new TreeMap<>(service.tags());
        tags.put("owner", owner);
        return new ServiceModel(
                service.serviceName(), service.stackName(), tags, service.parameters(), service.functions());
    }
}
