package org.waypoint.notification.alert.persistence;

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
        Document d = mongo.findOne(new Query(Criteria.where("_id").is(username)), Document.class, COLLECTION);
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
