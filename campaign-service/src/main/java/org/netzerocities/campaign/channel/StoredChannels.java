package org.netzerocities.campaign.channel;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.netzerocities.events.outbox.OutboxAggregate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Channels for the other features of campaign-service, each read by id (or all of them: a hundred or so). */
@Component
class StoredChannels implements Channels {

    private final MongoTemplate mongo;
    private final ChannelService channels;
    private final CredentialCipher cipher;
    private final Clock clock;

    StoredChannels(MongoTemplate mongo, ChannelService channels, CredentialCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.channels = channels;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Optional<ChannelView> channel(String channelId) {
        return Optional.ofNullable(byId(channelId)).map(Channel::view);
    }

    @Override
    public List<ChannelView> all() {
        return channels.all().stream().map(Channel::view).toList();
    }

    @Override
    public Optional<AccessToken> accessToken(String channelId) {
        Channel channel = byId(channelId);
        if (channel == null || channel.credential() == null
                || !channel.credential().expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return cipher.decrypt(channel.credential().ciphertext(), channelId)
                .map(token -> new AccessToken(channel.instagramAccountId(), token, channel.credential().expiresAt()));
    }

    private Channel byId(String channelId) {
        Query query = Query.query(Criteria.where("_id").is(channelId));
        query.fields().exclude(OutboxAggregate.OUTBOX_FIELD);
        return mongo.findOne(query, Channel.class);
    }
}
