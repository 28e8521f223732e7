package io.novatune.deploy.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every port before anything starts: "port 8080 (track-api) is in use" is clearer than a bind error deep
 * in a child's log, and nothing has to be stopped again.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(Map<String, Integer> portsByOwner) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        portsByOwner.forEach((owner, port) -> {
            String other = seen.putIfAbsent(port, owner);
            if (other != null) {
                throw new IllegalStateException(owner + " and " + other + " are both given port " + port);
            }
        });
        List<String> busy = portsByOwner.entrySet().stream()
                .filter(owner -> !isFree(owner.getValue()))
                .map(owner -> owner.getValue() + " (" + owner.getKey() + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports in use: " + String.join(", ", busy)
                    + ". Is another stack running? Stop it, or choose other ports (see --help).");
        }
    }

    private static boolean isFree(int port) {
        // The wildcard address: a service binds all interfaces, and a listener on any of them blocks it.
        // SO_REUSEADDR as the servers use it, so connections of a stack that just stopped do not count.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
