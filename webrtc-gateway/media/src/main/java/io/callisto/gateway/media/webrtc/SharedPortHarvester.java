package io.callisto.gateway.media.webrtc;

import java.util.Collection;
import java.util.List;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;

/** Gives each browser leg's ICE agent its one host candidate: the shared {@link IcePort}. */
final class SharedPortHarvester implements CandidateHarvester {
    private final IcePort port;
    private final HarvestStatistics statistics = new HarvestStatistics();

    SharedPortHarvester(IcePort port) {
        this.port = port;
    }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        String ufrag = component.getParentStream().getParentAgent().getLocalUfrag();
        PortCandidate candidate = new PortCandidate(port, port.transportAddress(), component, ufrag);
        port.add(candidate);
        component.addLocalCandidate(candidate);
        return List.of(candidate);
    }

    @Override
    public HarvestStatistics getHarvestStatistics() {
        return statistics;
    }

    @Override
    public boolean isHostHarvester() {
        return true;
    }
}
