//! Energy check-ins and their trends.

use super::Repo;
use super::util::*;
use crate::db::error::Result;
use crate::db::sql::{Connection, Row, params};
use crate::model::{Checkin, CheckinDraft, EnergyAverage, Id};
use chrono::NaiveDate;

const CHECKINS: Table = Table {
    name: "energy_checkins",
    what: "check-in",
};

const SELECT: &str =
    "SELECT id, at, level, note, created_at, updated_at, version FROM energy_checkins";

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<Checkin> {
    Ok(Checkin {
        id: r.get(0)?,
        at: get_at(r, 1)?,
        level: r.get(2)?,
        note: r.get(3)?,
        tags: Vec::new(),
        stamp: get_stamp(r, 4)?,
    })
}

fn validate(draft: &CheckinDraft) -> Result<()> {
    in_range("level", "energy level", i64::from(draft.level), 1, 5)
}

fn load(conn: &Connection, id: Id) -> Result<Checkin> {
    let mut c = found(
        conn.prepare_cached(&format!("{SELECT} WHERE id = ?1 AND deleted_at IS NULL"))?
            .query_row([id], from_row),
        "check-in",
        id,
    )?;
    c.tags = tags_of(conn, CHECKIN_TAGS, id)?;
    Ok(c)
}

impl Repo {
    /// Records a check-in.
    pub fn add_checkin(&self, draft: &CheckinDraft) -> Result<Checkin> {
        validate(draft)?;
        self.write(|c| {
            let id: Id = c.prepare_cached("INSERT INTO energy_checkins (at, level, note) VALUES (?1, ?2, ?3) RETURNING id")?
                .query_row(params![at_text(draft.at), draft.level, draft.note], |r| r.get(0))?;
            set_tags(c, CHECKIN_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version` of the check-in.
    pub fn update_checkin(&self, id: Id, version: i64, draft: &CheckinDraft) -> Result<Checkin> {
        validate(draft)?;
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE energy_checkins SET at = ?1, level = ?2, note = ?3,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?4 AND version = ?5 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    at_text(draft.at),
                    draft.level,
                    draft.note,
                    id,
                    version
                ])?;
            check_versioned_update(c, CHECKINS, id, version, changed)?;
            set_tags(c, CHECKIN_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    pub fn checkin(&self, id: Id) -> Result<Checkin> {
        load(self.conn(), id)
    }

    /// Check-ins from `from` to `to` (days, inclusive), newest first.
    pub fn checkins_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Checkin>> {
        let c = self.conn();
        let mut stmt = c.prepare_cached(&format!(
            "{SELECT} WHERE at >= ?1 AND at < date(?2, '+1 day') AND deleted_at IS NULL
             ORDER BY at DESC, id DESC"
        ))?;
        let mut list = stmt
            .query_map(params![day_text(from), day_text(to)], from_row)?
            .collect::<crate::db::sql::Result<Vec<_>>>()?;
        let ids: Vec<Id> = list.iter().map(|c| c.id).collect();
        let mut tags = tags_of_many(c, CHECKIN_TAGS, &ids)?;
        for item in &mut list {
            item.tags = tags.remove(&item.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// The average level of each day that has check-ins, oldest first.
    pub fn daily_energy(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<EnergyAverage<NaiveDate>>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT substr(at, 1, 10), avg(level), count(*) FROM energy_checkins
             WHERE at >= ?1 AND at < date(?2, '+1 day') AND deleted_at IS NULL
             GROUP BY 1 ORDER BY 1",
        )?;
        let rows = stmt
            .query_map(params![day_text(from), day_text(to)], |r| {
                Ok(EnergyAverage {
                    key: get_day(r, 0)?,
                    average: r.get(1)?,
                    count: r.get(2)?,
                })
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// The average level by hour of day (0–23) over a period; hours without check-ins are left out.
    pub fn hourly_energy(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<EnergyAverage<u8>>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT CAST(substr(at, 12, 2) AS INTEGER), avg(level), count(*) FROM energy_checkins
             WHERE at >= ?1 AND at < date(?2, '+1 day') AND deleted_at IS NULL
             GROUP BY 1 ORDER BY 1",
        )?;
        let rows = stmt
            .query_map(params![day_text(from), day_text(to)], |r| {
                Ok(EnergyAverage {
                    key: r.get(0)?,
                    average: r.get(1)?,
                    count: r.get(2)?,
                })
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }
}

impl Repo {
    /// Adds `tags` to several check-ins (each keeps its own), in one transaction.
    pub fn tag_checkins(&self, ids: &[Id], tags: &[String]) -> Result<usize> {
        self.write(|c| add_tags(c, CHECKIN_TAGS, ("energy_checkins", "check-in"), ids, tags))
    }
}
