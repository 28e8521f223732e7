package io.novatune.archfixture.lifecycle.orphans;

import io.novatune.archfixture.lifecycle.trackapi.ChattyClient;

/** The sweep using the client, as it should; with {@link ChattyClient} using it back, the two form a cycle. */
public class SweepThatCallsBack {

    public String ask(ChattyClient client) {
        return client.lastReport();
    }
}
