package org.claimledger.history;

import io.quarkus.arc.Arc;
import org.claimledger.common.time.Ids;
import org.claimledger.security.Actor;
import org.hibernate.envers.RevisionListener;

/** Stamps each new revision with the time, the actor, the reason and the request id of the change. */
public class RevisionStamp implements RevisionListener {

    @Override
    public void newRevision(Object entity) {
        Revision revision = (Revision) entity;
        revision.at = Ids.now();
        var container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            revision.actor = container.instance(Actor.class).get().name();
            ChangeContext change = container.instance(ChangeContext.class).get();
            revision.reason = change.reason();
            revision.requestId = change.requestId();
        } else {
            revision.actor = "system";
        }
    }
}
