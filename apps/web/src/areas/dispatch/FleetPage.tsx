import type { DutyStatus, VehicleType } from '@sauda/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { dispatchCommands, dispatchQueries, type Driver, type Vehicle } from './api.ts';

const DUTY: DutyStatus[] = ['on_duty', 'off_duty', 'sick', 'on_leave'];
const TYPES: VehicleType[] = ['van', 'car', 'bike'];

/** Drivers and vehicles of a centre: duty status (off sick), shifts, who drives what, new vehicles. */
export function FleetPage() {
  const { t } = useTranslation('dispatch');
  useDocumentTitle(t('fleet.title'));
  const toast = useToast();
  const client = useQueryClient();
  const centres = useQuery(dispatchQueries.centres());
  const [centreId, setCentreId] = useState('');
  const centre = centreId || centres.data?.[0]?.id || '';
  const drivers = useQuery({ ...dispatchQueries.drivers(centre), enabled: centre !== '' });
  const vehicles = useQuery({ ...dispatchQueries.vehicles(centre), enabled: centre !== '' });
  const refresh = () => void client.invalidateQueries({ queryKey: ['dispatch'] });
  const changeDriver = useMutation({
    mutationFn: ({
      id,
      changes,
    }: {
      id: string;
      changes: Parameters<typeof dispatchCommands.changeDriver>[1];
    }) => dispatchCommands.changeDriver(id, changes),
    onSuccess: () => {
      toast.ok(t('fleet.saved'));
      refresh();
    },
    onError: (error) => toast.error(error),
  });
  const changeVehicle = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Vehicle['status'] }) =>
      dispatchCommands.changeVehicle(id, { status }),
    onSuccess: refresh,
    onError: (error) => toast.error(error),
  });

  return (
    <section className="dm-fleet" aria-labelledby="fleet-title">
      <header className="dm-head">
        <h1 id="fleet-title" className="dm-title">
          {t('fleet.title')}
        </h1>
        <label className="dm-control">
          <span>{t('board.centre')}</span>
          <select className="input" value={centre} onChange={(e) => setCentreId(e.target.value)}>
            {centres.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <h2 className="dm-subtitle">{t('fleet.drivers')}</h2>
      {drivers.error ? (
        <ErrorState
          title={t('common.loadError')}
          error={drivers.error}
          onRetry={() => void drivers.refetch()}
        />
      ) : (
        <div className="dm-table-wrap">
          <table className="dm-table" data-testid="drivers">
            <thead>
              <tr>
                <th>{t('fleet.name')}</th>
                <th>{t('fleet.duty')}</th>
                <th>{t('fleet.shift')}</th>
                <th>{t('fleet.vehicle')}</th>
                <th>{t('fleet.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {(drivers.data ?? []).map((driver) => (
                <DriverRow
                  key={driver.id}
                  driver={driver}
                  vehicles={vehicles.data ?? []}
                  onChange={(changes) => changeDriver.mutate({ id: driver.id, changes })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="dm-subtitle">{t('fleet.vehicles')}</h2>
      <div className="dm-table-wrap">
        <table className="dm-table" data-testid="vehicles">
          <thead>
            <tr>
              <th>{t('fleet.plate')}</th>
              <th>{t('fleet.type')}</th>
              <th>{t('fleet.capacity')}</th>
              <th>{t('fleet.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(vehicles.data ?? []).map((v) => (
              <tr key={v.id}>
                <td>
                  <strong>{v.plate}</strong>
                </td>
                <td>{t(`vehicleType.${v.type}`)}</td>
                <td>{t('fleet.capacityValue', { kg: v.capacityKg, litres: v.capacityLitres })}</td>
                <td>
                  <select
                    className="dm-move"
                    value={v.status}
                    aria-label={t('fleet.status')}
                    onChange={(e) =>
                      changeVehicle.mutate({ id: v.id, status: e.target.value as Vehicle['status'] })
                    }
                  >
                    {(['active', 'maintenance', 'retired'] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`vehicleStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {centre && <NewVehicleForm centreId={centre} onAdded={refresh} />}
    </section>
  );
}

function DriverRow({
  driver,
  vehicles,
  onChange,
}: {
  driver: Driver;
  vehicles: Vehicle[];
  onChange: (changes: Parameters<typeof dispatchCommands.changeDriver>[1]) => void;
}) {
  const { t, i18n } = useTranslation('dispatch');
  return (
    <tr data-testid="driver-row">
      <td>
        <strong>{driver.name || driver.id.slice(-6)}</strong>
        <div className="dm-muted">{t('fleet.licence', { licence: driver.licenceClass })}</div>
      </td>
      <td>
        <select
          className="dm-move"
          aria-label={t('fleet.duty')}
          value={driver.dutyStatus}
          onChange={(e) => onChange({ dutyStatus: e.target.value as DutyStatus })}
        >
          {DUTY.map((d) => (
            <option key={d} value={d}>
              {t(`duty.${d}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {driver.shiftStart}–{driver.shiftEnd}
      </td>
      <td>
        <select
          className="dm-move"
          aria-label={t('fleet.vehicle')}
          value={driver.vehicleId ?? ''}
          onChange={(e) => onChange({ vehicleId: e.target.value || null })}
        >
          <option value="">{t('fleet.noVehicle')}</option>
          {vehicles
            .filter((v) => v.status === 'active')
            .map((v) => (
              <option key={v.id} value={v.id}>
                {v.plate} · {t(`vehicleType.${v.type}`)}
              </option>
            ))}
        </select>
      </td>
      <td className="dm-muted">
        {driver.lastPosition
          ? new Date(driver.lastPosition.at).toLocaleTimeString(i18n.language, { timeStyle: 'short' })
          : '—'}
      </td>
    </tr>
  );
}

function NewVehicleForm({ centreId, onAdded }: { centreId: string; onAdded: () => void }) {
  const { t } = useTranslation('dispatch');
  const toast = useToast();
  const [plate, setPlate] = useState('');
  const [type, setType] = useState<VehicleType>('van');
  const [kg, setKg] = useState('800');
  const [litres, setLitres] = useState('6000');
  const add = useMutation({
    mutationFn: () =>
      dispatchCommands.addVehicle({
        plate,
        type,
        capacityKg: Number(kg),
        capacityLitres: Number(litres),
        homeCentreId: centreId,
      }),
    onSuccess: () => {
      setPlate('');
      toast.ok(t('fleet.added'));
      onAdded();
    },
    onError: (error) => toast.error(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="dm-form" onSubmit={submit}>
      <h3 className="dm-subtitle">{t('fleet.add')}</h3>
      <label className="dm-control">
        <span>{t('fleet.plate')}</span>
        <input
          className="input"
          required
          minLength={2}
          maxLength={16}
          value={plate}
          onChange={(e) => setPlate(e.target.value)}
        />
      </label>
      <label className="dm-control">
        <span>{t('fleet.type')}</span>
        <select className="input" value={type} onChange={(e) => setType(e.target.value as VehicleType)}>
          {TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`vehicleType.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="dm-control">
        <span>{t('fleet.kg')}</span>
        <input
          className="input"
          type="number"
          min={1}
          required
          value={kg}
          onChange={(e) => setKg(e.target.value)}
        />
      </label>
      <label className="dm-control">
        <span>{t('fleet.litres')}</span>
        <input
          className="input"
          type="number"
          min={1}
          required
          value={litres}
          onChange={(e) => setLitres(e.target.value)}
        />
      </label>
      <button type="submit" className="btn btn--primary" disabled={add.isPending}>
        {t('fleet.addButton')}
      </button>
    </form>
  );
}
