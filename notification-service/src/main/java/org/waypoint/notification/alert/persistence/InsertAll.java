package org.waypoint.notification.alert.persistence;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

import org.bson.Document;

/** "Insert if new" for many documents in one unordered write: each is inserted or found to exist, atomically on its own. */
final class InsertAll {

    private InsertAll() {
    }

    /** @return the {@code _id}s of the documents inserted; the others existed already (any other error is thrown) */
    static Set<String> ifNew(MongoCollection<Document> collection, List<Document> documents) {
        Set<String> inserted = new LinkedHashSet<>();
        if (documents.isEmpty()) {
            return inserted;
        }
        Set<Integer> existed = new HashSet<>();
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existed.add(error.getIndex());
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
        for (int i = 0; i < documents.size(); i++) {
            if (!existed.contains(i)) {
                inserted.add(documents.get(i).getString("_id"));
            }
        }
        return inserted;
    }
}
