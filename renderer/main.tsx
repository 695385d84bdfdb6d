import './app/validatorsWithoutEval';
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { pickLocale, setupI18n } from './i18n/setupI18n';
import { connect } from './transport/connect';
import './styles/app.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const connection = connect();
  let settings, info;
  try {
    [settings, info] = await Promise.all([
      connection.api['settings.get'](),
      connection.api['app.info'](),
    ]);
  } catch (error) {
    if ((error as Error).name !== 'missing-token') throw error;
    await setupI18n(pickLocale('system', navigator.language));
    root.render(<p className="splash">{i18next.t('app.missingToken')}</p>);
    return;
  }
  await setupI18n(pickLocale(settings.locale, info.systemLocale));
  root.render(<App connection={connection} info={info} initialSettings={settings} />);
}

void start();
