package org.waypoint.notification.alert.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.notification.alert.application.PreferenceStore;
import org.waypoint.notification.alert.application.Preferences;

/** Preferences in {@code preferences}, one document per username. */
@Repository
public class MongoPreferenceStore implements PreferenceStore {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    public MongoPreferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Preferences of(String username) {
        return read(username, mongo.findOne(new Query(Criteria.where("_id").is(username)), Document.class, COLLECTION));
    }

    @Override
    public Map<String, Preferences> of(Collection<String> usernames) {
        Map<String, Preferences> all = new HashMap<>();
        if (usernames.isEmpty()) {
            return all;
        }
        mongo.find(new Query(Criteria.where("_id").in(usernames)), Document.class, COLLECTION)
                .forEach(d -> all.put(d.getString("_id"), read(d.getString("_id"), d)));
        usernames.forEach(u -> all.computeIfAbsent(u, Preferences::defaults));
        return all;
    }

    private static Preferences read(String username, Document d) {
        if (d == null) {
            return Preferences.defaults(username);
        }
        Map<String, Preferences.Delivery> rules = new LinkedHashMap<>();
        Document stored = d.get("rules", Document.class);
        if (stored != null) {
            stored.forEach((rule, delivery) -> rules.put(rule, Preferences.Delivery.valueOf(String.valueOf(delivery))));
        }
        return new Preferences(username, rules, d.getBoolean("areaDigest", true));
    }

    @Override
    public void save(Preferences preferences) {
        Document rules = new Document();
        preferences.rules().forEach((rule, delivery) -> rules.append(rule, delivery.name()));
        mongo.save(new Document("_id", preferences.username()).append("rules", rules)
                .append("areaDigest", preferences.areaDigest()), COLLECTION);
    }
}
