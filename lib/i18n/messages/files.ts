// Messages about files that cannot be read (lib/files): each names the file, what is wrong and
// what to do. Parameters come from lib/files' checks, with the limit from lib/files/constants.
import { defineMessages } from '../define';

export const files = defineMessages({
  en: {
    'files.empty': '"{name}" is empty. Choose another file.',
    'files.tooLarge': '"{name}" is {size}; {what} can be up to {max}. Choose a smaller file.',
    'files.what.image': 'pictures',
    'files.what.audio': 'sound files',
    'files.what.midi': 'MIDI files',
    'files.what.csv': 'tables (CSV)',
    'files.what.archive': 'project and model files',
    'files.what.json': 'files inside a project',
    'files.image.tooManyPixels':
      '"{name}" is {width} × {height} pixels ({mp} megapixels); the studio takes pictures up to {max} megapixels. Make it smaller in a photo app and try again.',
    'files.image.notImage':
      '"{name}" is not a picture this browser can open. Choose a JPEG, PNG or WebP picture.',
    'files.audio.tooLong':
      '"{name}" is {minutes} minutes long; sound files can be up to {max} minutes. Cut a shorter piece and try again.',
    'files.midi.notMidi': '"{name}" is not a MIDI file. Choose a .mid file.',
    'files.midi.damaged':
      '"{name}" is a damaged MIDI file ({detail}). Save it again from your music program.',
    'files.midi.tooManyNotes':
      '"{name}" has {count} notes; a clip can have up to {max}. Choose a shorter piece or one instrument.',
    'files.midi.tooLong':
      '"{name}" lasts {bars} bars; a clip can be up to {max} bars. Choose a shorter piece.',
    'files.csv.notText': '"{name}" is not a text table. Export it as CSV and try again.',
    'files.csv.tooManyRows':
      '"{name}" has {rows} rows; the {where} takes up to {max}. Keep fewer rows in a spreadsheet and save it again.',
    'files.where.playground': 'Playground',
    'files.where.sequence': 'Sequence lab',
    'files.where.autoencoder': 'Autoencoder lab',
    'files.zip.notZip': '"{name}" is not a zip file. Choose the .zip the studio saved.',
    'files.zip.damaged': '"{name}" is a damaged zip file. Save or download it again.',
    'files.zip.tooManyEntries':
      '"{name}" holds {count} files; a project can hold up to {max}. It is not a project from this studio.',
    'files.zip.tooBig':
      '"{name}" expands to {size}; a project can be up to {max}. It is not a project from this studio.',
    'files.json.invalid': '"{file}" in "{name}" is not valid JSON. Save or export it again.',
    'files.json.shape':
      '"{file}" in "{name}" is damaged: {detail}. Export it again from the studio that made it.',
    'files.classes.tooMany': '"{name}" has {count} classes; the studios take up to {max}.',
    'files.samples.tooMany': '"{name}" has {count} examples; a project can have up to {max}.',
    'files.path.unsafe':
      '"{name}" names a file "{path}" outside the project. It is damaged or not from this studio.',
    'files.tm.imageSize':
      'metadata.json in "{name}" says imageSize {value}; image models take {min} to {max} (Teachable Machine uses 224). Export the model again.',
    'files.project.wrongStudio': '"{name}" is a project of another studio ({found}). Open it in that studio.',
    'files.notProject': '"{name}" is not a project file. Choose the project .zip this studio saved.',
    'files.cancelled': 'Reading "{name}" was cancelled.',
    'files.reading': 'Reading "{name}"… {percent}%',
    'files.cancel': 'Cancel',
    'files.replaceConfirm':
      'Open "{name}"? It replaces the project you have now. You can undo this until your next change.',
    'files.undo': 'Undo: bring back my previous project',
    'files.undone': 'Your previous project is back.',
    'files.openElsewhere':
      'This studio is open in another tab. Changes here are not saved, so that the two tabs do not overwrite each other. Close the other tab and reload this one to work here.',
    'files.repaired': 'Some saved data could not be read and was reset to defaults. Your examples are kept.',
  },
  ko: {
    'files.empty': '"{name}" 파일이 비어 있어요. 다른 파일을 골라 주세요.',
    'files.tooLarge':
      '"{name}" 파일은 {size}예요. {what}은(는) {max}까지 쓸 수 있어요. 더 작은 파일을 골라 주세요.',
    'files.what.image': '사진',
    'files.what.audio': '소리 파일',
    'files.what.midi': 'MIDI 파일',
    'files.what.csv': '표(CSV)',
    'files.what.archive': '프로젝트·모델 파일',
    'files.what.json': '프로젝트 안의 파일',
    'files.image.tooManyPixels':
      '"{name}" 사진은 {width} × {height} 픽셀({mp}메가픽셀)이에요. 스튜디오는 {max}메가픽셀까지 받아요. 사진 앱에서 크기를 줄인 뒤 다시 해 보세요.',
    'files.image.notImage':
      '"{name}" 파일은 이 브라우저가 열 수 있는 사진이 아니에요. JPEG, PNG, WebP 사진을 골라 주세요.',
    'files.audio.tooLong':
      '"{name}" 파일은 {minutes}분 길이예요. 소리 파일은 {max}분까지 쓸 수 있어요. 짧게 잘라서 다시 해 보세요.',
    'files.midi.notMidi': '"{name}" 파일은 MIDI 파일이 아니에요. .mid 파일을 골라 주세요.',
    'files.midi.damaged': '"{name}" MIDI 파일이 망가졌어요({detail}). 음악 프로그램에서 다시 저장해 주세요.',
    'files.midi.tooManyNotes':
      '"{name}" 파일에는 음표가 {count}개 있어요. 클립 하나에는 {max}개까지 넣을 수 있어요. 더 짧은 곡이나 악기 하나만 골라 주세요.',
    'files.midi.tooLong':
      '"{name}" 파일은 {bars}마디 길이예요. 클립은 {max}마디까지 쓸 수 있어요. 더 짧은 곡을 골라 주세요.',
    'files.csv.notText': '"{name}" 파일은 글자로 된 표가 아니에요. CSV로 내보낸 뒤 다시 해 보세요.',
    'files.csv.tooManyRows':
      '"{name}" 파일에는 {rows}줄이 있어요. {where}은(는) {max}줄까지 받아요. 스프레드시트에서 줄을 줄여 다시 저장해 주세요.',
    'files.where.playground': '놀이터',
    'files.where.sequence': '시퀀스 실험실',
    'files.where.autoencoder': '오토인코더 실험실',
    'files.zip.notZip': '"{name}" 파일은 zip 파일이 아니에요. 스튜디오가 저장한 .zip 파일을 골라 주세요.',
    'files.zip.damaged': '"{name}" zip 파일이 망가졌어요. 다시 저장하거나 내려받아 주세요.',
    'files.zip.tooManyEntries':
      '"{name}" 안에 파일이 {count}개 있어요. 프로젝트에는 {max}개까지 들어갈 수 있어요. 이 스튜디오의 프로젝트가 아니에요.',
    'files.zip.tooBig':
      '"{name}" 파일을 풀면 {size}가 돼요. 프로젝트는 {max}까지 쓸 수 있어요. 이 스튜디오의 프로젝트가 아니에요.',
    'files.json.invalid':
      '"{name}" 안의 "{file}"이(가) 올바른 JSON이 아니에요. 다시 저장하거나 내보내 주세요.',
    'files.json.shape':
      '"{name}" 안의 "{file}"이(가) 망가졌어요: {detail}. 만든 스튜디오에서 다시 내보내 주세요.',
    'files.classes.tooMany': '"{name}"에는 클래스가 {count}개 있어요. 스튜디오는 {max}개까지 받아요.',
    'files.samples.tooMany': '"{name}"에는 예시가 {count}개 있어요. 프로젝트에는 {max}개까지 넣을 수 있어요.',
    'files.path.unsafe':
      '"{name}"이(가) 프로젝트 밖의 파일 "{path}"을(를) 가리켜요. 망가졌거나 이 스튜디오의 파일이 아니에요.',
    'files.tm.imageSize':
      '"{name}"의 metadata.json에 imageSize가 {value}(으)로 적혀 있어요. 이미지 모델은 {min}~{max}만 받아요(Teachable Machine은 224). 모델을 다시 내보내 주세요.',
    'files.project.wrongStudio':
      '"{name}"은(는) 다른 스튜디오({found})의 프로젝트예요. 그 스튜디오에서 열어 주세요.',
    'files.notProject':
      '"{name}" 파일은 프로젝트 파일이 아니에요. 이 스튜디오가 저장한 프로젝트 .zip을 골라 주세요.',
    'files.cancelled': '"{name}" 읽기를 취소했어요.',
    'files.reading': '"{name}" 읽는 중… {percent}%',
    'files.cancel': '취소',
    'files.replaceConfirm':
      '"{name}"을(를) 열까요? 지금 프로젝트가 바뀌어요. 다음에 무언가 바꾸기 전까지는 되돌릴 수 있어요.',
    'files.undo': '되돌리기: 전에 하던 프로젝트 다시 가져오기',
    'files.undone': '전에 하던 프로젝트를 다시 가져왔어요.',
    'files.openElsewhere':
      '이 스튜디오가 다른 탭에서 열려 있어요. 두 탭이 서로 덮어쓰지 않도록 여기서 바꾼 것은 저장되지 않아요. 다른 탭을 닫고 이 탭을 새로 고치면 여기서 할 수 있어요.',
    'files.repaired': '저장된 데이터 일부를 읽을 수 없어서 기본값으로 되돌렸어요. 예시는 그대로 있어요.',
  },
});
